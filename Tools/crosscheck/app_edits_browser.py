#!/usr/bin/env python3
"""What a clerk and an editor record on the page (/app) in a real browser:
Debian's Chromium through Selenium, headless.

    app_edits_browser.py BASE NAME PASSWORD PROPOSALS

Signs in as NAME (an editor: it may check, record permits and move plots),
checks PROPOSALS (recorded), then on the page:
  - records the permit of P-014 (clear) with today's date: the page says its number;
  - tries P-001 (block) without a reason: the page shows the service's refusal,
    then with a reason: recorded;
  - finds LC-RP-004 (investigating), opens its history, moves it to a stage the
    lifecycle forbids (listed: refused on the page), then to contaminated with a
    decision number: the timeline shows the new version by NAME.
Prints a JSON object of what the page said; exit 0 unless the page failed.
"""
import json
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from app_browser import browser, choose, sign_in, wait


def permit(driver, proposal, note):
    card = driver.find_element(By.CSS_SELECTOR, f".proposal[data-id='{proposal}']")
    said = card.find_element(By.CSS_SELECTOR, ".permit-said")
    driver.execute_script("arguments[0].textContent = ''", said)
    box = card.find_element(By.CSS_SELECTOR, ".permit-note")
    box.clear()
    if note:
        box.send_keys(note)
    card.find_element(By.CSS_SELECTOR, ".permit-run").click()
    wait(driver, lambda d: said.text)
    return {"text": said.text, "permit": said.get_attribute("data-permit"), "error": "error" in (said.get_attribute("class") or "")}


def move(driver, stage, doc):
    Select(driver.find_element(By.ID, "stage-to")).select_by_value(stage)
    box = driver.find_element(By.ID, "stage-doc")
    box.clear()
    box.send_keys(doc)
    driver.execute_script("document.getElementById('stage-said').textContent = ''")
    driver.find_element(By.ID, "stage-run").click()
    # The history is drawn anew after a move: read the answer as it then stands.
    said = "const n = document.getElementById('stage-said'); return n ? [n.textContent, n.className] : ['', ''];"
    wait(driver, lambda d: d.execute_script(said)[0])
    text, classes = driver.execute_script(said)
    return {"text": text, "error": "error" in classes}


def main():
    base, name, password, proposals = sys.argv[1:5]
    problems = []
    driver = browser("en-US")
    seen = {}
    try:
        sign_in(driver, base, {"name": name, "password": password}, problems)
        if choose(driver, proposals) != "done":
            problems.append("the check failed: " + driver.find_element(By.ID, "check-error").text)
            raise SystemExit
        seen["permit_forms"] = len(driver.find_elements(By.CSS_SELECTOR, ".permit"))
        seen["clear"] = permit(driver, "P-014", None)
        seen["block_without_reason"] = permit(driver, "P-001", None)
        seen["block_with_reason"] = permit(driver, "P-001", "县政府常务会议同意，修复后供地")
        driver.find_element(By.ID, "tab-find").click()
        Select(driver.find_element(By.ID, "find-layer")).select_by_value("risk-plots")
        driver.find_element(By.ID, "find-code").send_keys("LC-RP-004")
        driver.find_element(By.ID, "find-run").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#find-result .history-button"))
        driver.find_element(By.CSS_SELECTOR, "#find-result .history-button").click()
        wait(driver, lambda d: d.find_elements(By.ID, "stage-form"))
        before = len(driver.find_elements(By.CSS_SELECTOR, "#timeline li"))
        seen["illegal_stage"] = move(driver, "listed", "晋环函〔2023〕1号")
        seen["stage"] = move(driver, "contaminated", "晋环函〔2023〕2号")
        versions = driver.find_elements(By.CSS_SELECTOR, "#timeline li")
        seen["versions"] = [before, len(versions)]
        seen["last_version"] = versions[-1].text if versions else ""
    except SystemExit:
        pass
    except Exception as error:  # a page that does not answer: say what was seen
        problems.append(f"{type(error).__name__}: {error}")
    finally:
        driver.quit()
    print(json.dumps(seen, ensure_ascii=False))
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
