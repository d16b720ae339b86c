// Long file: the second half of the clerk's page's script (the panels: check, find, history, reports), served from the binary.
extension AppScript {
    static let check = #"""

    // ---- The panels ----
    const side = document.getElementById('side');
    const tabs = el('div', {class: 'tabs'});
    const panels = {};
    function panel(id, title) {
      const node = el('section', {class: 'panel', id: 'panel-' + id});
      panels[id] = node;
      tabs.append(el('button', {type: 'button', id: 'tab-' + id, onclick: () => showPanel(id)}, title));
      return node;
    }
    function showPanel(id) {
      for (const [key, node] of Object.entries(panels)) {
        node.classList.toggle('active', key === id);
        document.getElementById('tab-' + key).classList.toggle('active', key === id);
      }
    }
    const nav = document.getElementById('nav');
    nav.append(el('a', {href: '?lang=zh', id: 'lang-zh'}, '中文'), el('a', {href: '?lang=en', id: 'lang-en'}, 'English'),
               el('a', {href: '/?f=html'}, W('Open the data service (OGC API)')));
    if (USER) nav.append(el('span', {id: 'user'}, ' ' + USER.name + ' '),
      el('a', {href: '#', id: 'sign-out', onclick: e => { e.preventDefault(); fetchJSON('/logout', {method: 'POST'}).finally(() => location.reload()); }}, W('Sign out')));

    // ---- The check ----
    const checkPanel = panel('check', W('Check'));
    const fileInput = el('input', {type: 'file', id: 'file', accept: '.geojson,.json,.txt,.csv,.zip'});
    const drop = el('div', {id: 'drop'}, W("Drop the applicant's file here, or choose it: GeoJSON, coordinate TXT (GBK or UTF-8), CSV points, zipped Shapefile"), el('br'), fileInput);
    const fileError = el('div', {class: 'error', id: 'check-error', role: 'alert'});
    function field(id, text, input) { return el('div', {class: 'field', id: 'field-' + id}, el('label', {for: id}, text), input); }
    const tri = id => el('select', {id}, el('option', {value: ''}, W('as the file says')), el('option', {value: 'true'}, W('yes')), el('option', {value: 'false'}, W('no')));
    const byInput = el('input', {id: 'by', type: 'text', size: 16, value: localStorage.getItem('landreg.by') || ''});
    const useInput = el('input', {id: 'use', type: 'text', size: 10, placeholder: '0701'});
    const actionInput = el('select', {id: 'action'}, el('option', {value: ''}, W('as the file says')), ...CONFIG.actions.map(a => el('option', {value: a.value}, a.label)));
    const recordInput = el('input', {id: 'record', type: 'checkbox', checked: true});
    const flags = {air_polluting: 'Emits air pollutants', soil_polluting: 'May pollute soil', discharges: 'Discharges water pollutants', food_crops: 'Grows food crops'};
    const results = el('div', {id: 'results'});
    checkPanel.append(drop, fileError,
      field('by', W('Checked by'), byInput), field('use', W('Land-use code, for plots the file gives none'), useInput),
      field('action', W('Action, for plots the file gives none'), actionInput),
      ...Object.entries(flags).map(([id, text]) => field(id, W(text), tri(id))),
      el('div', {class: 'field'}, el('label', {for: 'record'}, W('Keep a record of the check')), recordInput),
      el('button', {type: 'button', id: 'run', onclick: () => check()}, W('Check again')), results);
    let chosen = null;
    const checkLayer = L.featureGroup().addTo(map);
    fileInput.addEventListener('change', () => { if (fileInput.files.length) { chosen = fileInput.files[0]; check(); } });
    drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files.length) { chosen = e.dataTransfer.files[0]; check(); } });

    const check = () => runCheck().catch(e => fail(e.message));
    function fail(message, wanted) {
      fileError.textContent = message;
      document.querySelectorAll('.field.wanted').forEach(n => n.classList.remove('wanted'));
      if (wanted) { const node = document.getElementById('field-' + wanted); if (node) { node.classList.add('wanted'); node.querySelector('input,select').focus(); } }
      results.dataset.state = 'error';
    }
    async function runCheck() {
      const started = performance.now();
      if (!chosen) return fail(W('Choose a file first'));
      if (chosen.size > CONFIG.maxUpload) return fail(W('the proposals are larger than {} MB', CONFIG.maxUpload / 1048576));
      const by = USER ? '' : byInput.value.trim();
      if (recordInput.checked && !by && !USER) return fail(W('Give the name of who checks, for the record'), 'by');
      localStorage.setItem('landreg.by', by);
      const form = new FormData();
      form.append('file', chosen, chosen.name);
      if (by) form.append('by', by);
      if (!recordInput.checked) form.append('record', 'false');
      if (useInput.value.trim()) form.append('use', useInput.value.trim());
      if (actionInput.value) form.append('action', actionInput.value);
      for (const id of Object.keys(flags)) { const v = document.getElementById(id).value; if (v) form.append(id, v); }
      fail('');
      results.dataset.state = 'checking';
      results.replaceChildren(el('p', {}, W('Checking…')));
      checkLayer.clearLayers();
      let answer;
      try {
        answer = await fetchJSON('/app/check', {method: 'POST', body: form});
      } catch (e) {
        results.replaceChildren();
        const body = e.body || {};
        return body.property === 'use' ? fail(e.message + ' — ' + W('The file gives a plot no land-use code: give it here and check again'), 'use') : fail(e.message);
      }
      answer.recorded = recordInput.checked;
      show(answer);
      results.dataset.state = 'done';
      results.dataset.ms = String(Math.round(performance.now() - started));
    }

    const number = (v, digits) => Number(v).toFixed(digits);
    const mu = m2 => number(m2 / 666.6666667, 2);
    function show(answer) {
      const report = answer.report;
      window.landregLastCheck = answer;
      const drawn = L.geoJSON(answer.geojson, {
        style: f => f.properties.kind === 'proposal'
          ? {color: VERDICT_COLOUR[f.properties.verdict], weight: 3, fillOpacity: 0.25}
          : {color: VERDICT_COLOUR[f.properties.severity], weight: 2, dashArray: '5 4', fillOpacity: 0.1},
        pointToLayer: (f, at) => L.circleMarker(at, {radius: 7}),
        onEachFeature: (f, shape) => {
          const p = f.properties;
          shape.bindTooltip(p.kind === 'proposal' ? `${p.id} ${W(p.verdict)}` : `${p.code} ${p.name || ''}`, {sticky: true});
          if (p.kind === 'proposal') shape.feature.landregId = p.id;
        },
      });
      checkLayer.addLayer(drawn);
      if (drawn.getBounds().isValid()) map.fitBounds(drawn.getBounds(), {maxZoom: 16, padding: [20, 20]});
      const summary = report.summary;
      const cards = report.proposals.map(p => proposalCard(p, drawn, answer.recorded));
      const blob = (text, type) => URL.createObjectURL(new Blob([text], {type}));
      const stem = (chosen ? chosen.name.replace(/\.[^.]*$/, '') : 'check');
      results.replaceChildren(
        el('p', {id: 'summary', 'data-proposals': summary.proposals, 'data-block': summary.block, 'data-condition': summary.condition, 'data-warn': summary.warn, 'data-clear': summary.clear},
          W('Verdicts: {}', ['block', 'condition', 'warn', 'clear'].filter(k => summary[k]).map(k => `${W(k)} ${summary[k]}`).join(', '))),
        el('div', {class: 'actions'},
          el('button', {type: 'button', id: 'print', onclick: () => window.open(blob(answer.html, 'text/html'), '_blank')}, W('Print the report')),
          el('a', {id: 'save-json', href: blob(JSON.stringify(report, null, 1), 'application/json'), download: stem + '.check.json'}, W('Save the JSON')),
          el('a', {id: 'save-geojson', href: blob(JSON.stringify(answer.geojson), 'application/geo+json'), download: stem + '.check.geojson'}, W('Save the GeoJSON'))),
        ...cards,
        el('details', {id: 'how'}, el('summary', {}, W('How it was checked')),
          el('p', {}, `${W("registry's counties")}: ${(report.coverage.counties || []).join(', ')}; ${W('margin')}: ${report.coverage.margin_m} m`),
          Object.keys(report.settings || {}).length ? el('p', {}, `${W('settings')}: ${JSON.stringify(report.settings)}`) : null,
          (report.notes || []).map(n => el('p', {class: 'note-line'}, n))));
    }

    const today = () => new Date().toISOString().slice(0, 10);
    const by = () => USER ? {} : {by: byInput.value.trim()};
    // After a recorded check, the clerk records the approval of a proposal (landreg permit) where it is shown.
    function permitForm(p) {
      const date = el('input', {type: 'date', class: 'permit-date', value: today()});
      const note = el('input', {type: 'text', class: 'permit-note', size: 22, placeholder: W('Why, when the check says block')});
      const said = el('div', {class: 'permit-said', role: 'status'});
      const button = el('button', {type: 'button', class: 'permit-run'}, W('Record the permit'));
      button.onclick = async () => {
        said.textContent = ''; said.classList.remove('error');
        const fields = Object.assign({proposal: p.id, kind: p.action, date: date.value}, by(), note.value.trim() ? {note: note.value.trim()} : {});
        try {
          const made = await fetchJSON('/permits', {method: 'POST', body: new URLSearchParams(fields)});
          said.textContent = W('Permit {} recorded', made.id);
          said.dataset.permit = made.id;
          button.disabled = true;
        } catch (e) { said.textContent = e.message; said.classList.add('error'); }
      };
      const form = el('div', {class: 'permit'}, el('b', {}, W('Approved:')), ' ', date, ' ', note, ' ', button, said);
      form.addEventListener('click', e => e.stopPropagation());
      return form;
    }

    function proposalCard(p, drawn, recorded) {
      const rows = p.findings.map(f => el('tr', {class: 'finding', 'data-rule': f.rule, 'data-layer': f.layer, 'data-code': f.code,
          'data-severity': f.severity, 'data-overlap': f.overlap_m2, 'data-distance': f.distance_m},
        el('td', {}, el('span', {class: 'verdict ' + f.severity}, W(f.severity)), el('br'), f.rule),
        el('td', {}, (LAYERS[f.layer] ? LAYERS[f.layer].title : f.layer), el('br'), f.code, ' ', f.name || ''),
        el('td', {}, f.overlap_m2 > 0 ? `${number(f.overlap_m2, 1)} m² / ${mu(f.overlap_m2)} ${W('mu')}` : '', f.distance_m > 0 ? `${number(f.distance_m, 1)} m` : ''),
        el('td', {}, el('div', {class: 'message'}, f.message), el('div', {class: 'basis'}, f.basis))));
      const permittable = CONFIG.may.permit && recorded && ['supply', 'use_change', 'planning_permit'].includes(p.action);
      const card = el('div', {class: 'proposal', 'data-id': p.id, 'data-verdict': p.verdict},
        el('div', {}, el('b', {}, p.id), ' ', el('span', {class: 'verdict ' + p.verdict}, W(p.verdict)), ' ',
          p.use ? `${W('use')} ${p.use} · ` : '', `${W('action')} ${(CONFIG.actions.find(a => a.value === p.action) || {label: p.action}).label}`,
          p.area_m2 > 0 ? ` · ${W('area')} ${number(p.area_m2, 1)} m² / ${mu(p.area_m2)} ${W('mu')}` : ''),
        p.findings.length
          ? el('table', {class: 'findings'}, el('tr', {}, el('th', {}, W('rule')), el('th', {}, W('feature')), el('th', {}, W('overlap') + ' / ' + W('distance')), el('th', {}, W('what it means') + ' / ' + W('basis'))), rows)
          : el('p', {}, W('No finding')),
        permittable ? permitForm(p) : null);
      card.addEventListener('click', () => drawn.eachLayer(shape => {
        if (shape.feature.properties.kind === 'proposal' && shape.feature.properties.id === p.id) map.fitBounds(shape.getBounds ? shape.getBounds() : L.latLngBounds([shape.getLatLng()]), {maxZoom: 17});
      }));
      return card;
    }

    // ---- Find a feature by its code ----
    const findPanel = panel('find', W('Find'));
    const findLayer = el('select', {id: 'find-layer'}, ...CONFIG.layers.map(l => el('option', {value: l.id}, l.title)));
    const findCode = el('input', {id: 'find-code', type: 'text', size: 16});
    const findResult = el('div', {id: 'find-result'});
    const highlight = L.featureGroup().addTo(map);
    async function find() {
      const layer = findLayer.value, code = findCode.value.trim();
      if (!code) return;
      findResult.replaceChildren();
      try {
        const feature = await fetchJSON(`/collections/${layer}/items/${encodeURIComponent(code)}`);
        highlight.clearLayers();
        const shape = L.geoJSON(feature, {style: {color: '#ffeb3b', weight: 4, fillOpacity: 0.1}, pointToLayer: (f, at) => L.circleMarker(at, {radius: 9, color: '#ffeb3b'})});
        highlight.addLayer(shape);
        map.fitBounds(shape.getBounds(), {maxZoom: 17});
        findResult.append(popup(layer, feature));
      } catch (e) {
        findResult.append(el('div', {class: 'error'}, e.status === 404 ? `${code}: ${W('no feature with this code')}` : e.message));
      }
    }
    findCode.addEventListener('keydown', e => { if (e.key === 'Enter') find(); });
    findPanel.append(field('find-layer', W('Layer'), findLayer), field('find-code', W('Code'), findCode),
                     el('button', {type: 'button', id: 'find-run', onclick: find}, W('Search')), findResult);

    // ---- A feature's history, as a timeline ----
    const historyPanel = panel('history', W('History'));
    historyPanel.append(el('p', {id: 'history-empty'}, W('Click a feature on the map, or find one, to see its history')));
    async function showHistory(layer, code) {
      showPanel('history');
      let history;
      try { history = await fetchJSON(`/collections/${layer}/items/${encodeURIComponent(code)}/versions`); }
      catch (e) { historyPanel.replaceChildren(el('div', {class: 'error'}, e.message)); return; }
      // What a version changed: a new feature's values as they are, a change's as before → after.
      const changes = v => Object.entries(v.changes || {}).map(([k, [before, after]]) =>
        el('div', {}, `${label(layer, k)}: ` + (v.version === 1 || before === null ? valueText(layer, k, after) : `${valueText(layer, k, before)} → ${valueText(layer, k, after)}`)));
      historyPanel.replaceChildren(el('h3', {}, `${LAYERS[layer] ? LAYERS[layer].title : layer} ${code}`),
        el('ol', {class: 'timeline', id: 'timeline'}, history.versions.map(v => el('li', {'data-version': v.version},
          el('b', {}, `${W('version')} ${v.version} · ${W('valid from')} ${v.validFrom}`), ` (${v.command})`,
          el('div', {}, `${W('recorded')} ${v.recorded} ${W('by')} ${v.by}`), v.note ? el('div', {}, v.note) : null,
          changes(v), v.geometryChanged ? el('div', {}, W('the geometry')) : null))),
        layer === 'risk-plots' && CONFIG.may.edit ? stageForm(code) : null);
    }

    // An editor moves a risk plot along its lifecycle (landreg stage) from its history.
    function stageForm(code) {
      const stage = el('select', {id: 'stage-to'}, ...CONFIG.stages.map(s => el('option', {value: s.value}, s.label)));
      const date = el('input', {type: 'date', id: 'stage-date', value: today()});
      const doc = el('input', {type: 'text', id: 'stage-doc', size: 18});
      const note = el('input', {type: 'text', id: 'stage-note', size: 22});
      const said = el('div', {id: 'stage-said', role: 'status'});
      const move = async () => {
        said.textContent = ''; said.classList.remove('error');
        const fields = Object.assign({stage: stage.value, date: date.value}, by(), doc.value.trim() ? {doc: doc.value.trim()} : {},
                                     note.value.trim() ? {note: note.value.trim()} : {});
        try {
          await fetchJSON(`/collections/risk-plots/items/${encodeURIComponent(code)}/stage`, {method: 'POST', body: new URLSearchParams(fields)});
          await showHistory('risk-plots', code);
          document.getElementById('stage-said').textContent = W('Moved to {}', stage.selectedOptions[0].textContent);
        } catch (e) { said.textContent = e.message; said.classList.add('error'); }
      };
      return el('div', {id: 'stage-form', class: 'stage-form'}, el('h3', {}, W('Move to another stage')),
        field('stage-to', W('Stage'), stage), field('stage-date', W('Date it took effect'), date),
        field('stage-doc', W('Report or decision number'), doc), field('stage-note', W('Note (needed to re-open a plot)'), note),
        el('button', {type: 'button', id: 'stage-run', onclick: move}, W('Move')), said);
    }

    // ---- Reports for a chosen period ----
    const reportsPanel = panel('reports', W('Reports'));
    const lang = '&lang=' + CONFIG.lang;
    function reportForm(id, title, placeholder, url) {
      const input = el('input', {id: id + '-period', type: 'text', size: 12, placeholder});
      const open = () => { const v = input.value.trim(); if (v) window.open(url(v), '_blank'); };
      return el('div', {class: 'field'}, el('h3', {}, title), input, el('button', {type: 'button', id: id + '-open', onclick: open}, W('Open')));
    }
    reportsPanel.append(
      reportForm('review', W('Quarterly land-safety review'), W('Quarter (YYYYQn)'), v => `/reports/review?quarter=${encodeURIComponent(v)}${lang}`),
      reportForm('water', W('Water quality report'), W('Month (YYYY-MM) or quarter (YYYYQn)'),
                 v => `/reports/water?${/Q/i.test(v) ? 'quarter' : 'month'}=${encodeURIComponent(v)}&f=html${lang}`),
      reportForm('air', W('Air quality report'), W('Year (YYYY)'), v => `/reports/air?year=${encodeURIComponent(v)}&f=html${lang}`));

    if (USER) byInput.parentElement.style.display = 'none';
    if (CONFIG.accounts && !USER) {
      // The registry has accounts: the page is for those who sign in.
      const name = el('input', {id: 'signin-name', type: 'text', autocomplete: 'username'});
      const password = el('input', {id: 'signin-password', type: 'password', autocomplete: 'current-password'});
      const said = el('div', {class: 'error', id: 'signin-error', role: 'alert'});
      const signIn = async () => {
        try {
          await fetchJSON('/login', {method: 'POST', body: new URLSearchParams({name: name.value, password: password.value})});
          location.reload();
        } catch (e) { said.textContent = e.message; }
      };
      password.addEventListener('keydown', e => { if (e.key === 'Enter') signIn(); });
      side.append(el('section', {id: 'signin'}, el('h2', {}, W('Sign in')), field('signin-name', W('Name'), name),
        field('signin-password', W('Password'), password), el('button', {type: 'button', id: 'signin-run', onclick: signIn}, W('Sign in')), said));
    } else {
      side.append(tabs, ...Object.values(panels));
      showPanel('check');
    }
    """#
}
