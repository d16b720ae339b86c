// Long file: the clerk's page's own script and style, kept whole so that the page is served from the binary with nothing beside it.
/// The clerk's page's script: the map and its layers (this part), the check
/// and the panels (`AppScript.check`). Plain browser JavaScript on
/// Leaflet's public API; it reads only the service's public paths.
enum AppScript {
    static let map = #"""
    'use strict';
    const CONFIG = JSON.parse(document.getElementById('config').textContent);
    const W = (key, ...values) => { let text = CONFIG.words[key] || key; for (const v of values) text = text.replace('{}', v); return text; };
    const LAYERS = Object.fromEntries(CONFIG.layers.map(l => [l.id, l]));
    const el = (tag, attrs, ...children) => {
      const node = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
      }
      for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : String(c));
      return node;
    };
    const STYLE = {
      admin: {color: '#616161', weight: 1.5, fill: false, dashArray: '6 4'},
      rivers: {color: '#1e88e5', weight: 2},
      'water-zones': {color: '#0277bd', weight: 1, fillColor: '#4fc3f7', fillOpacity: 0.2},
      'risk-plots': {color: '#c62828', weight: 1.5, fillColor: '#ef5350', fillOpacity: 0.35},
      'basic-farmland': {color: '#2e7d32', weight: 1, fillColor: '#81c784', fillOpacity: 0.25},
      farmland: {color: '#9e9d24', weight: 0.6, fillColor: '#dce775', fillOpacity: 0.25},
      enterprises: {color: '#6a1b9a', fillColor: '#ba68c8'},
      outfalls: {color: '#00695c', fillColor: '#4db6ac'},
      sections: {color: '#283593', fillColor: '#7986cb'},
    };
    // A layer of more than WHOLE features (farmland: a million parcels) is fetched by the view's box,
    // and only from the zoom where it can be drawn; a smaller one once, whole.
    const WHOLE = 5000;
    const MIN_ZOOM = {farmland: 14};
    const VIEW_LIMIT = 5000;
    const BY_VIEW = {};
    const VERDICT_COLOUR = {block: '#c62828', condition: '#ef6c00', warn: '#f9a825', clear: '#2e7d32'};

    const map = L.map('map', {attributionControl: false, zoomControl: true});
    if (CONFIG.basemap) L.tileLayer(CONFIG.basemap, {subdomains: '01234567', maxZoom: 18}).addTo(map);
    L.control.scale({metric: true, imperial: false}).addTo(map);

    function label(layer, property) { return (LAYERS[layer] && LAYERS[layer].columns[property]) || property; }
    function valueText(layer, property, value) {
      if (value === null || value === undefined) return '';
      const words = LAYERS[layer] && LAYERS[layer].values[property];
      if (typeof value === 'boolean') return W(value ? 'yes' : 'no');
      return (words && words[value]) || String(value);
    }
    function attributes(layer, properties) {
      const rows = Object.entries(properties).filter(([, v]) => v !== null && v !== '')
        .map(([k, v]) => el('tr', {}, el('th', {}, label(layer, k)), el('td', {}, valueText(layer, k, v))));
      return el('table', {class: 'attributes'}, rows);
    }
    function popup(layer, feature) {
      const box = el('div', {class: 'popup', 'data-layer': layer, 'data-code': feature.id},
        el('b', {}, (LAYERS[layer] ? LAYERS[layer].title : layer) + ' ' + feature.id), attributes(layer, feature.properties || {}),
        el('button', {type: 'button', class: 'history-button', onclick: () => showHistory(layer, String(feature.id))}, W('Its history')));
      return box;
    }
    // The registry's layers are drawn on a canvas (thousands of parcels at once); a check's plots as SVG.
    const canvas = L.canvas({padding: 0.3});
    function geoLayer(layer, style) {
      style = Object.assign({renderer: canvas}, style);
      return L.geoJSON(null, {
        style: () => style,
        pointToLayer: (f, at) => L.circleMarker(at, Object.assign({radius: 5, weight: 1.5, fillOpacity: 0.8}, style)),
        onEachFeature: (f, shape) => {
          shape.bindPopup(() => popup(layer, f), {maxWidth: 360});
          const name = f.properties && f.properties.name;
          shape.bindTooltip(String(f.id) + (name ? ' ' + name : ''), {sticky: true});
        },
      });
    }

    const overlays = {};
    window.landregLoads = {};
    const loaded = {};
    const controllers = {};
    const notes = {};
    for (const info of CONFIG.layers) {
      overlays[info.id] = geoLayer(info.id, STYLE[info.id] || {color: '#333'});
      overlays[info.id].addTo(map);
    }
    const layerControl = L.control.layers(null, Object.fromEntries(CONFIG.layers.map(l =>
      [`<span class="swatch" style="background:${(STYLE[l.id] || {}).fillColor || (STYLE[l.id] || {}).color}"></span>${l.title}<small class="note" id="note-${l.id}"></small>`,
       overlays[l.id]])), {collapsed: false}).addTo(map);

    // Signed in on the page, every request that changes something carries the session's CSRF token.
    const USER = CONFIG.user;
    async function fetchJSON(url, options) {
      const headers = {'Accept': 'application/json', 'Accept-Language': CONFIG.lang};
      if (USER && options && options.method && options.method !== 'GET') headers['X-CSRF-Token'] = USER.csrf;
      const response = await fetch(url, Object.assign({headers, credentials: 'same-origin'}, options || {}));
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (!response.ok) { const error = new Error(body && body.description ? body.description : W('The server did not answer')); error.body = body; error.status = response.status; throw error; }
      return body;
    }
    function setNote(id, text) { const node = document.getElementById('note-' + id); if (node) node.textContent = text ? ' (' + text + ')' : ''; }

    async function load(id) {
      const minZoom = BY_VIEW[id];
      if (minZoom === undefined) {
        if (loaded[id]) return;
        loaded[id] = true;
        let url = `/collections/${id}/items?limit=10000`;
        while (url) {
          const page = await fetchJSON(url);
          overlays[id].addData(page);
          const next = (page.links || []).find(l => l.rel === 'next');
          url = next ? next.href : null;
        }
        return;
      }
      if (controllers[id]) controllers[id].abort();
      if (!map.hasLayer(overlays[id])) return;
      if (map.getZoom() < minZoom) { overlays[id].clearLayers(); setNote(id, W('zoom in to see this layer')); return; }
      const b = map.getBounds();
      const controller = new AbortController();
      controllers[id] = controller;
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(v => v.toFixed(6)).join(',');
      try {
        const page = await fetchJSON(`/collections/${id}/items?bbox=${bbox}&limit=${VIEW_LIMIT}`, {signal: controller.signal});
        overlays[id].clearLayers();
        overlays[id].addData(page);
        window.landregLoads[id] = (window.landregLoads[id] || 0) + 1;
        setNote(id, page.numberMatched > page.numberReturned ? W('{} of {} shown: zoom in to see all', page.numberReturned, page.numberMatched) : '');
      } catch (e) { if (e.name !== 'AbortError') setNote(id, e.message); }
    }
    function refresh() { for (const info of CONFIG.layers) if (map.hasLayer(overlays[info.id])) load(info.id); }
    map.on('moveend', refresh);
    map.on('overlayadd', e => { for (const [id, layer] of Object.entries(overlays)) if (layer === e.layer) load(id); });

    async function start() {
      const collections = await fetchJSON('/collections');
      await Promise.all(CONFIG.layers.map(async info => {
        const first = await fetchJSON(`/collections/${info.id}/items?limit=1`);
        if (first.numberMatched > WHOLE) BY_VIEW[info.id] = MIN_ZOOM[info.id] || 12;
      }));
      let box = null;
      for (const c of collections.collections || []) {
        const b = c.extent && c.extent.spatial && c.extent.spatial.bbox && c.extent.spatial.bbox[0];
        if (!b || b.some(v => v === null)) continue;
        if (c.id === 'admin' || !box) box = b;
      }
      map.fitBounds(box ? [[box[1], box[0]], [box[3], box[2]]] : [[35.5, 113.0], [36.0, 113.6]]);
      refresh();
    }
    if (!CONFIG.accounts || USER) start().catch(e => setNote('admin', e.message));
    """#

    static let style = #"""
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; font-family: "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; font-size: 14px; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 4px 12px; background: #37474f; color: #fff; height: 44px; }
    header h1 { font-size: 17px; margin: 0; }
    header a { color: #fff; margin-left: 12px; }
    main { display: flex; height: calc(100% - 44px); }
    #map { flex: 1 1 60%; min-width: 300px; background: #f4f4f0; }
    #side { flex: 0 0 560px; overflow-y: auto; border-left: 1px solid #bbb; padding: 8px 12px; }
    .tabs button { border: 1px solid #90a4ae; background: #eceff1; padding: 4px 12px; cursor: pointer; }
    .tabs button.active { background: #37474f; color: #fff; }
    .panel { display: none; padding-top: 8px; } .panel.active { display: block; }
    #drop { border: 2px dashed #78909c; padding: 18px; text-align: center; background: #fafafa; margin-bottom: 6px; }
    #drop.over { background: #e3f2fd; }
    .error { color: #b71c1c; font-weight: bold; min-height: 1.2em; }
    .field { margin: 4px 0; } .field label { display: inline-block; min-width: 14em; }
    .field.wanted input { outline: 2px solid #b71c1c; }
    .permit { margin-top: 6px; padding: 4px 6px; background: #f3f6f3; cursor: default; } .permit-said, #stage-said { min-height: 1.2em; }
    .stage-form { margin-top: 12px; padding-top: 6px; border-top: 1px solid #ccc; }
    .proposal { border: 1px solid #ccc; border-left: 8px solid #999; margin: 8px 0; padding: 6px 8px; cursor: pointer; }
    .proposal[data-verdict=block] { border-left-color: #c62828; } .proposal[data-verdict=condition] { border-left-color: #ef6c00; }
    .proposal[data-verdict=warn] { border-left-color: #f9a825; } .proposal[data-verdict=clear] { border-left-color: #2e7d32; }
    .verdict { font-weight: bold; padding: 0 6px; color: #fff; border-radius: 3px; }
    .verdict.block { background: #c62828; } .verdict.condition { background: #ef6c00; } .verdict.warn { background: #f9a825; color: #000; } .verdict.clear { background: #2e7d32; }
    table { border-collapse: collapse; margin: 4px 0; } td, th { border: 1px solid #ccc; padding: 2px 5px; text-align: left; vertical-align: top; }
    .findings { width: 100%; font-size: 13px; } .basis { color: #555; font-size: 12px; }
    .swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; border: 1px solid #555; }
    .note { color: #b71c1c; }
    .timeline { list-style: none; padding-left: 0; border-left: 3px solid #90a4ae; margin-left: 6px; }
    .timeline li { padding: 2px 0 8px 12px; position: relative; }
    .timeline li::before { content: ""; position: absolute; left: -8px; top: 6px; width: 11px; height: 11px; border-radius: 50%; background: #37474f; }
    .actions button, .actions a { margin-right: 8px; }
    @media print { header, #side .tabs, #map { display: none; } }
    """#
}
