"""Drives the hub's dispatcher pages in headless Chromium, at 1366 px in English and at 390 px in Chinese.

Usage: dispatcher_pages.py CONFIG_JSON
CONFIG_JSON: {"base": "http://127.0.0.1:PORT", "name": user, "password": password, "shots": folder,
              "mapDots": count, "point": {"lat", "lon", "r"}, "nearby": [vehicle, ...], "refusal": words,
              "worst": vehicle}

Sign-in, board, line progress, map, emergency view, sync health and sign-out, each page checked for sideways
scrolling, touch targets under 44 px and axe-core's serious or critical violations, and saved as
hub-PAGE-WIDTH.png. Prints one line per step and exits 1 on the first failure.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Browser"))
from page_checks import check_layout, fail, step, wait_for  # noqa: E402

CONFIG = json.loads(sys.argv[1])


def browser(width, language):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=%d,1000" % max(width, 500),
                     "--hide-scrollbars", "--lang=" + language]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    # Headless windows are at least 500 px wide; a phone's viewport is set through device metrics.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def check_page(driver, name, width):
    """No horizontal scrolling, touch targets of at least 44 px, no serious accessibility violation."""
    check_layout(driver, name, width, "button, input:not([type=hidden]), nav a, td a, summary")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(CONFIG["shots"], "hub-%s-%d.png" % (name, width)))


def open_section(driver, path):
    link = driver.find_element(By.CSS_SELECTOR, "nav.main a[href='%s']" % path)
    link.click()
    wait_for(driver, "page " + path, lambda: driver.execute_script("return location.pathname") == path
             and driver.find_element(By.CSS_SELECTOR, "nav.main a[aria-current=page]").get_attribute("href")
             .endswith(path))


def dispatcher(width, language, lang_attribute):
    driver = browser(width, language)
    try:
        base = CONFIG["base"]
        driver.get(base + "/")
        wait_for(driver, "sign-in page", lambda: "/sign-in" in driver.current_url)
        html_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if html_lang != lang_attribute:
            fail("the sign-in page is in %s for Accept-Language %s" % (html_lang, language))
        check_page(driver, "sign-in", width)
        driver.find_element(By.ID, "name").send_keys(CONFIG["name"])
        driver.find_element(By.ID, "password").send_keys("not the password")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_for(driver, "the refusal", lambda: driver.find_elements(By.CSS_SELECTOR, "p.error"))
        step("%d px: a wrong password is refused: %s" % (width, driver.find_element(By.CSS_SELECTOR, "p.error").text))
        driver.find_element(By.ID, "name").send_keys(CONFIG["name"])
        driver.find_element(By.ID, "password").send_keys(CONFIG["password"])
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        wait_for(driver, "the board", lambda: driver.execute_script("return location.pathname") == "/"
                 and driver.find_elements(By.CSS_SELECTOR, "table.cards tbody tr"))
        first = driver.find_element(By.CSS_SELECTOR, "table.cards tbody tr")
        if CONFIG["worst"] not in first.text:
            fail("the board does not start with %s: %s" % (CONFIG["worst"], first.text))
        check_page(driver, "board", width)

        open_section(driver, "/lines")
        if not driver.find_elements(By.CSS_SELECTOR, "section.line table tbody tr"):
            fail("no line's days on the lines page")
        check_page(driver, "lines", width)

        open_section(driver, "/map")
        dots = len(driver.find_elements(By.CSS_SELECTOR, "svg.map circle"))
        if dots != CONFIG["mapDots"]:
            fail("the map has %d dots for %d vehicles" % (dots, CONFIG["mapDots"]))
        check_page(driver, "map", width)

        open_section(driver, "/emergency")
        point = CONFIG["point"]
        for field in ["lat", "lon", "r"]:
            box = driver.find_element(By.ID, field)
            box.clear()
            box.send_keys(point[field])
        driver.find_element(By.CSS_SELECTOR, "form.point button[type=submit]").click()
        wait_for(driver, "the vehicles near the point", lambda: driver.find_elements(By.ID, "found"))
        shown = [row.find_element(By.TAG_NAME, "strong").text
                 for row in driver.find_elements(By.CSS_SELECTOR, "table.cards tbody tr")]
        if shown != CONFIG["nearby"]:
            fail("the emergency view lists %s, expected %s" % (shown, CONFIG["nearby"]))
        step("%d px: %s" % (width, driver.find_element(By.ID, "found").text))
        check_page(driver, "emergency", width)
        # A click on the map asks about the point under it.
        svg = driver.find_element(By.CSS_SELECTOR, ".pick svg.map")
        driver.execute_script("arguments[0].scrollIntoView()", svg)
        svg.click()
        wait_for(driver, "a search from the map", lambda: "lat=" in driver.current_url
                 and driver.find_element(By.ID, "lat").get_attribute("value") != point["lat"])
        step("%d px: a click on the map searched around %s, %s" % (
            width, driver.find_element(By.ID, "lat").get_attribute("value"),
            driver.find_element(By.ID, "lon").get_attribute("value")))

        open_section(driver, "/sync")
        if CONFIG["refusal"] not in driver.find_element(By.TAG_NAME, "main").text:
            fail("the sync page does not show the refusal")
        check_page(driver, "sync", width)

        driver.find_element(By.CSS_SELECTOR, "form.out button").click()
        wait_for(driver, "the sign-in page again", lambda: "/sign-in" in driver.current_url)
        driver.get(base + "/sync")
        wait_for(driver, "no page after signing out", lambda: "/sign-in" in driver.current_url)
        step("%d px: signed out; the pages need signing in again" % width)
    finally:
        driver.quit()


def main():
    dispatcher(1366, "en-US", "en")
    dispatcher(390, "zh-CN", "zh")
    print("OK", flush=True)


main()
