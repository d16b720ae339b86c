#!/usr/bin/env python3
"""The clerk's page (/app) in a real browser: Debian's Chromium, driven by
Selenium through chromium-driver, headless.

    app_browser.py BASE MANIFEST [SCREENSHOTS_DIR]

MANIFEST is a JSON list of cases (or {"signin": {"name": N, "password": P},
"cases": [...]}: the page is signed in first, after one wrong password), each
  {"file": PATH, "fields": {"use": "0701", ...}, "by": NAME, "expect": PATH of `landreg check --format json` on it}
or {"file": PATH, "fields": {...}, "by": NAME, "error": TEXT the page must show beside the file, "wanted": FIELD or null}.
Each file is chosen in the page's file input as a clerk would; the verdict of
every plot and every finding (rule, layer, code, severity, overlap m²,
distance m) is read off the page and compared with the CLI's JSON. Then a
feature found by its code shows its history as a timeline, the layers are
drawn, and screenshots of the page after a check are written in Chinese and
English. Exit 0 when everything agrees; each disagreement on stderr.

    app_browser.py BASE --time FILE USE N

times N drops of FILE (with use USE, not recorded) from choosing the file to
the verdict on the page, and prints the median and the worst in ms; then
moves the map to N random views at zoom 15 inside the county and times each
until the farmland of the view is drawn.
"""
import json
import statistics
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def browser(language="zh-CN"):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1500,950", f"--lang={language}"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(driver, condition, seconds=20):
    return WebDriverWait(driver, seconds, poll_frequency=0.02).until(condition)


def open_page(driver, base, lang=None):
    driver.get(base + "/app" + (f"?lang={lang}" if lang else ""))
    wait(driver, lambda d: d.execute_script("return typeof L !== 'undefined' && !!document.getElementById('file')"))


def fill(driver, fields, by):
    driver.execute_script("localStorage.clear()")
    driver.find_element(By.ID, "use").clear()
    by_box = driver.find_element(By.ID, "by")
    if by_box.is_displayed():  # signed in, the page records the check by the account
        by_box.clear()
        by_box.send_keys(by or "")
    record = driver.find_element(By.ID, "record")
    if record.is_selected() != bool(by):
        record.click()
    for name, value in fields.items():
        node = driver.find_element(By.ID, name)
        if node.tag_name == "select":
            driver.execute_script("arguments[0].value = arguments[1]", node, value)
        else:
            node.send_keys(value)


def choose(driver, path):
    """Chooses the file as a clerk would; returns once the page has its answer or its error."""
    driver.execute_script("document.getElementById('results').dataset.state = ''")
    file_input = driver.find_element(By.ID, "file")
    driver.execute_script("arguments[0].value = ''", file_input)
    file_input.send_keys(path)
    wait(driver, lambda d: d.find_element(By.ID, "results").get_attribute("data-state") in ("done", "error"))
    return driver.find_element(By.ID, "results").get_attribute("data-state")


def read_page(driver):
    """Every plot's verdict and findings, as the page shows them."""
    return driver.execute_script("""
      return [...document.querySelectorAll('.proposal')].map(p => ({id: p.dataset.id, verdict: p.dataset.verdict,
        findings: [...p.querySelectorAll('.finding')].map(f => ({rule: f.dataset.rule, layer: f.dataset.layer, code: f.dataset.code,
          severity: f.dataset.severity, overlap_m2: Number(f.dataset.overlap), distance_m: Number(f.dataset.distance),
          text: f.innerText}))}));""")


def compare(shown, expected, label, problems):
    want = [(p["id"], p["verdict"]) for p in expected["proposals"]]
    got = [(p["id"], p["verdict"]) for p in shown]
    if want != got:
        problems.append(f"{label}: verdicts {got} on the page, {want} from the CLI")
        return
    for page, cli in zip(shown, expected["proposals"]):
        keys = ["rule", "layer", "code", "severity", "overlap_m2", "distance_m"]
        a = [tuple(f[k] for k in keys) for f in page["findings"]]
        b = [tuple(f[k] for k in keys) for f in cli["findings"]]
        if a != b:
            problems.append(f"{label} {page['id']}: findings {a} on the page, {b} from the CLI")
        for f, c in zip(page["findings"], cli["findings"]):
            if c["message"] not in f["text"] or c["code"] not in f["text"]:
                problems.append(f"{label} {page['id']}: the finding {c['rule']} does not show its message")


def sign_in(driver, base, account, problems):
    """The page asks to sign in: a wrong password is refused on the page, the right one lets the clerk in."""
    driver.get(base + "/app?lang=en")
    wait(driver, lambda d: d.find_elements(By.ID, "signin-name"))
    if driver.find_elements(By.ID, "file"):
        problems.append("the page lets a clerk check before signing in")
    for password in [account["password"] + "-wrong", account["password"]]:
        driver.find_element(By.ID, "signin-name").clear()
        driver.find_element(By.ID, "signin-name").send_keys(account["name"])
        driver.find_element(By.ID, "signin-password").clear()
        driver.find_element(By.ID, "signin-password").send_keys(password)
        driver.find_element(By.ID, "signin-run").click()
        if password != account["password"]:
            wait(driver, lambda d: d.find_element(By.ID, "signin-error").text)
    wait(driver, lambda d: d.find_elements(By.ID, "file"))
    if account["name"] not in driver.find_element(By.ID, "user").text:
        problems.append("the page does not say who is signed in")


def run_cases(driver, base, cases, problems, signed_in=False):
    if not signed_in:
        open_page(driver, base, "en")
    for case in cases:
        label = case["file"].rsplit("/", 1)[-1]
        fill(driver, case.get("fields", {}), case.get("by"))
        state = choose(driver, case["file"])
        error = driver.find_element(By.ID, "check-error").text
        if "expect" in case:
            if state != "done":
                problems.append(f"{label}: the page shows an error instead of verdicts: {error}")
                continue
            compare(read_page(driver), json.load(open(case["expect"], encoding="utf-8")), label, problems)
            drawn = driver.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path').length")
            if drawn == 0:
                problems.append(f"{label}: nothing drawn on the map")
        else:
            if state != "error" or case["error"] not in error:
                problems.append(f"{label}: the page shows '{error}' ({state}), not '{case['error']}'")
            if read_page(driver):
                problems.append(f"{label}: verdicts shown beside an error")
            wanted = case.get("wanted")
            if wanted and not driver.find_elements(By.CSS_SELECTOR, f"#field-{wanted}.wanted"):
                problems.append(f"{label}: the page does not ask for '{wanted}'")


def check_find_and_history(driver, base, problems):
    """A feature found by its code: drawn, its attributes, and its history as a timeline."""
    driver.find_element(By.ID, "tab-find").click()
    driver.execute_script("document.getElementById('find-layer').value = 'risk-plots'")
    code = driver.find_element(By.ID, "find-code")
    code.clear()
    code.send_keys("LC-RP-001")
    driver.find_element(By.ID, "find-run").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#find-result .popup, #find-result .error"))
    if not driver.find_elements(By.CSS_SELECTOR, "#find-result .popup[data-code='LC-RP-001']"):
        problems.append("find: LC-RP-001 not shown: " + driver.find_element(By.ID, "find-result").text)
        return
    driver.find_element(By.CSS_SELECTOR, "#find-result .history-button").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline li, #panel-history .error"))
    if not driver.find_elements(By.CSS_SELECTOR, "#timeline li[data-version='1']"):
        problems.append("history: no timeline: " + driver.find_element(By.ID, "panel-history").text)
    driver.find_element(By.ID, "tab-find").click()
    code.clear()
    code.send_keys("NO-SUCH")
    driver.find_element(By.ID, "find-run").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#find-result .error"))
    if "NO-SUCH" not in driver.find_element(By.ID, "find-result").text:
        problems.append("find: an unknown code is not said so: " + driver.find_element(By.ID, "find-result").text)


def check_layers(driver, problems):
    """The registry's layers are drawn, and farmland only from the zoom where it can be."""
    counts = driver.execute_script("""return Object.fromEntries([...document.querySelectorAll('.leaflet-control-layers-overlays label')]
        .map(l => [l.innerText.trim(), l.querySelector('input').checked]))""")
    if len(counts) != 9 or not all(counts.values()):
        problems.append(f"layers: the layer control shows {counts}")


def screenshots(base, cases, folder, problems):
    checked = next((c for c in cases if "expect" in c), None)
    for language, lang in [("zh-CN", "zh"), ("en-US", "en")]:
        driver = browser(language)
        try:
            open_page(driver, base)
            title = driver.find_element(By.TAG_NAME, "h1").text
            if (lang == "zh") != any("\u4e00" <= ch <= "\u9fff" for ch in title):
                problems.append(f"{lang}: the page's title '{title}' is not in its language")
            if checked:
                fill(driver, checked.get("fields", {}), None)
                choose(driver, checked["file"])
                time.sleep(0.8)
            driver.save_screenshot(f"{folder}/app-{lang}.png")
        finally:
            driver.quit()


def timing(base, path, use, n):
    driver = browser()
    try:
        open_page(driver, base)
        fill(driver, {"use": use}, None)
        times = []
        for _ in range(n):
            started = time.perf_counter()
            choose(driver, path)
            times.append((time.perf_counter() - started) * 1000)
            if driver.find_element(By.ID, "results").get_attribute("data-state") != "done":
                print("error: " + driver.find_element(By.ID, "check-error").text, file=sys.stderr)
                return 1
        print(f"drop to verdict over {n} drops: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
        pan(driver, n)
        return 0
    finally:
        driver.quit()


def pan(driver, n):
    """N random views at zoom 15: from setting the view to its farmland drawn."""
    import random
    rnd = random.Random(7)
    box = driver.execute_script("const b = map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]")
    times, drawn = [], []
    for _ in range(n):
        loads = driver.execute_script("return window.landregLoads.farmland || 0")
        lon, lat = rnd.uniform(box[0], box[2]), rnd.uniform(box[1], box[3])
        started = time.perf_counter()
        driver.execute_script("map.setView([arguments[0], arguments[1]], 15, {animate: false})", lat, lon)
        wait(driver, lambda d: d.execute_script("return window.landregLoads.farmland || 0") > loads, 30)
        times.append((time.perf_counter() - started) * 1000)
        drawn.append(driver.execute_script("return overlays.farmland.getLayers().length"))
    print(f"farmland at zoom 15, {n} random views: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms, "
          f"{statistics.median(drawn):.0f} parcels drawn (median)")


def main():
    if sys.argv[2] == "--time":
        return timing(sys.argv[1], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    base, manifest = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    cases = manifest["cases"] if isinstance(manifest, dict) else manifest
    account = manifest.get("signin") if isinstance(manifest, dict) else None
    problems = []
    driver = browser()
    try:
        if account:
            sign_in(driver, base, account, problems)
        run_cases(driver, base, cases, problems, signed_in=bool(account))
        check_layers(driver, problems)
        check_find_and_history(driver, base, problems)
    finally:
        driver.quit()
    if len(sys.argv) > 3 and not account:
        screenshots(base, cases, sys.argv[3], problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(cases)} files through the page, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
