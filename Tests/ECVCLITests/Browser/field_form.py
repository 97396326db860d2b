"""Drives the ecv web form in headless Chromium as a field engineer would, at 1366 px and at 390 px.

Usage: field_form.py CONFIG_JSON
CONFIG_JSON: {"ecv": binary, "root": folder, "engineer": name, "vehicle": id, "cjkVehicle": id, "day": YYYY-MM-DD,
              "answers": [{"item", "value", "note", "kind"}], "outside": {"item", "value", "note"},
              "offline": {"item", "value"}, "shots": folder}

The script starts and stops `ecv serve` itself, so that it can stop the server under an open page. It prints
one line per step and exits 1 on the first failure; axe-core (axe-selenium-python) checks every page.
"""
import json
import os
import socket
import subprocess
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Browser"))
from page_checks import check_layout, fail, step, wait_for  # noqa: E402

CONFIG = json.loads(sys.argv[1])


class Server:
    """`ecv serve` on 127.0.0.1 at a port chosen once, so that a restart comes back at the page's origin."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [CONFIG["ecv"], "serve", "--port", str(self.port), "--root", CONFIG["root"],
             "--engineer", CONFIG["engineer"]],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            fail("ecv serve did not start: " + line)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=%d,1000" % max(width, 500),
                     "--hide-scrollbars", "--lang=zh-CN"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    # Headless windows are at least 500 px wide; a phone's viewport is set through device metrics.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def state_of(driver, item):
    state = driver.find_element(By.ID, item).find_element(By.CSS_SELECTOR, "form.answer .state")
    return state.get_attribute("class"), state.text


def check_page(driver, name, width):
    """No horizontal scrolling, touch targets of at least 44 px, no serious accessibility violation."""
    check_layout(driver, name, width, "button, select, input:not([type=hidden]):not([type=radio]), .choices label, "
                 "nav a, td a, a.vehicle, ul.subsystems a, a[href$='/report'], a.photo-link")
    driver.save_screenshot(os.path.join(CONFIG["shots"], "%s-%d.png" % (name, width)))


def click_choice(item, value):
    item.find_element(By.CSS_SELECTOR, "input[name=value][value='%s']" % value).find_element(By.XPATH, "..").click()


def answer(driver, entry):
    item = driver.find_element(By.ID, entry["item"])
    if entry.get("note"):
        note = item.find_element(By.NAME, "note")
        note.clear()
        note.send_keys(entry["note"])
    if entry["kind"] in ("check", "choice"):
        click_choice(item, entry["value"])
    else:
        field = item.find_element(By.CSS_SELECTOR, "input[name=value]")
        field.clear()
        field.send_keys(entry["value"], Keys.TAB)


def expect_saved(driver, item, word=None):
    try:
        WebDriverWait(driver, 20, poll_frequency=0.2).until(lambda d: "saved" in state_of(driver, item)[0].split())
    except TimeoutException:
        waiting = driver.execute_script("return localStorage.getItem('ecv-unsent-answers')")
        fail("no saved state for %s within 20 s: it shows %r; waiting in the page: %s" %
             (item, state_of(driver, item), waiting))
    text = state_of(driver, item)[1]
    if "已保存" not in text or (word and word not in text):
        fail(item + " shows " + repr(text))
    return text


def engineer_at_the_laptop(server):
    driver = browser(1366)
    try:
        driver.get(server.base + "/today?date=" + CONFIG["day"])
        check_page(driver, "today", 1366)
        links = driver.find_elements(By.LINK_TEXT, CONFIG["vehicle"])
        if not links:
            fail("today's list has no link to " + CONFIG["vehicle"])
        links[0].click()
        check_page(driver, "vehicle", 1366)
        driver.find_element(By.CSS_SELECTOR, "a[href$='/power']").click()
        step("opened " + driver.current_url)

        # A fail waits for its note; the note is saved on leaving the field (Tab), not only with Save.
        first = CONFIG["answers"][0]
        item = driver.find_element(By.ID, first["item"])
        click_choice(item, "fail")
        wait_for(driver, "a note request", lambda: "needs" in state_of(driver, first["item"])[0])
        step("fail without a note: " + state_of(driver, first["item"])[1])
        item.find_element(By.NAME, "note").send_keys(first["note"], Keys.TAB)
        step("fail with its note: " + expect_saved(driver, first["item"], "不合格"))
        if "fail" not in state_of(driver, first["item"])[0].split():
            fail("a saved failure is not shown in red: " + state_of(driver, first["item"])[0])

        for entry in CONFIG["answers"][1:]:
            answer(driver, entry)
            expect_saved(driver, entry["item"])
        step("%d answers saved" % len(CONFIG["answers"]))

        # A value outside the limits, typed with a decimal comma and its unit, asks for confirmation and a note.
        outside = CONFIG["outside"]
        item = driver.find_element(By.ID, outside["item"])
        field = item.find_element(By.CSS_SELECTOR, "input[name=value]")
        field.clear()
        field.send_keys(outside["value"], Keys.TAB)
        confirm = item.find_element(By.CLASS_NAME, "confirm")
        wait_for(driver, "a confirmation", lambda: confirm.is_displayed())
        step("outside the limits: " + confirm.text.splitlines()[0])
        if "saved" in state_of(driver, outside["item"])[0].split():
            fail("a value outside the limits was saved before it was confirmed")
        if "等待您确认" not in state_of(driver, outside["item"])[1]:
            fail("a value outside the limits says %r, not that it waits for a confirmation" %
                 state_of(driver, outside["item"])[1])
        item.find_element(By.NAME, "note").send_keys(outside["note"], Keys.TAB)
        # Leaving the page keeps it, still unconfirmed and unsent.
        driver.refresh()
        item = driver.find_element(By.ID, outside["item"])
        confirm = item.find_element(By.CLASS_NAME, "confirm")
        wait_for(driver, "the confirmation again after a reload", lambda: confirm.is_displayed())
        kept = item.find_element(By.CSS_SELECTOR, "input[name=value]").get_attribute("value")
        if kept != outside["value"] or item.find_element(By.NAME, "note").get_attribute("value") != outside["note"]:
            fail("after a reload the value outside the limits shows %r" % kept)
        if "等待您确认" not in state_of(driver, outside["item"])[1]:
            fail("after a reload the value outside the limits says %r" % state_of(driver, outside["item"])[1])
        step("kept across a reload: " + state_of(driver, outside["item"])[1])
        confirm.find_element(By.TAG_NAME, "button").click()
        step("confirmed: " + expect_saved(driver, outside["item"], "不合格"))

        verdict = driver.find_element(By.ID, "verdict").text
        if "不可出动" not in verdict:
            fail("expected 不可出动 (NOT DEPLOYABLE), the page says " + verdict)
        progress = driver.find_element(By.CSS_SELECTOR, "[data-progress=power]").text
        step("verdict " + verdict.splitlines()[0] + ", power " + progress)
        check_page(driver, "checklist", 1366)

        # The server stops under the open page: the answer is NOT SAVED, waits, and is sent when it is back.
        server.stop()
        offline = CONFIG["offline"]
        answer(driver, {"item": offline["item"], "value": offline["value"], "kind": "check"})
        wait_for(driver, "NOT SAVED", lambda: "notsaved" in state_of(driver, offline["item"])[0])
        shown = state_of(driver, offline["item"])[1]
        banner = driver.find_element(By.ID, "queue").text
        step("server stopped: " + shown.replace("\n", " ") + " | " + banner)
        if "未保存" not in shown or "1" not in banner:
            fail("the page does not say the answer is not saved: " + shown + " / " + banner)
        driver.save_screenshot(os.path.join(CONFIG["shots"], "not-saved-1366.png"))
        waiting = driver.execute_script("return JSON.parse(localStorage.getItem('ecv-unsent-answers')).length")
        if waiting != 1:
            fail("%d answers wait in the page, expected 1" % waiting)
        server.start()
        # A reload keeps what waits, and sends it with the restarted server's new token.
        driver.refresh()
        expect_saved(driver, offline["item"], "合格")
        wait_for(driver, "an empty queue", lambda: not driver.find_element(By.ID, "queue").is_displayed())
        step("server back: " + state_of(driver, offline["item"])[1])
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(CONFIG["shots"], "form-1366.png"))

        driver.get(server.base + "/")
        check_page(driver, "board", 1366)
    finally:
        driver.quit()


def engineer_on_the_phone(server):
    driver = browser(390)
    try:
        for name, path in [("board", "/"), ("today", "/today?date=" + CONFIG["day"]),
                           ("vehicle", "/vehicles/" + CONFIG["vehicle"]),
                           ("checklist", "/vehicles/" + CONFIG["vehicle"] + "/power")]:
            driver.get(server.base + path)
            check_page(driver, name, 390)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(CONFIG["shots"], "form-390.png"))
        # A vehicle whose id is not ASCII: linked from the board, inspected like any other.
        driver.get(server.base + "/")
        driver.find_element(By.LINK_TEXT, CONFIG["cjkVehicle"]).click()
        heading = driver.find_element(By.TAG_NAME, "h1").text
        if heading != CONFIG["cjkVehicle"]:
            fail("the board's link to %s opened %r" % (CONFIG["cjkVehicle"], heading))
        driver.find_element(By.CSS_SELECTOR, "a[href$='/power']").click()
        check = driver.find_element(By.CSS_SELECTOR, "form.answer[data-kind=check]")
        item = check.get_attribute("data-item")
        click_choice(check, "pass")
        step(CONFIG["cjkVehicle"] + " " + item + ": " + expect_saved(driver, item, "合格"))
        # At 360 px, the narrowest phone, nothing scrolls sideways either.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        for path in ["/", "/today?date=" + CONFIG["day"], "/vehicles/" + CONFIG["vehicle"] + "/power"]:
            driver.get(server.base + path)
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > 360:
                fail("%s at 360 px is %d px wide" % (path, scroll))
        step("360 px: no sideways scrolling")
    finally:
        driver.quit()


def main():
    server = Server()
    server.start()
    try:
        engineer_at_the_laptop(server)
        engineer_on_the_phone(server)
    finally:
        server.stop()
    print("OK", flush=True)


main()
