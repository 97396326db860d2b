"""Drives the ecv web form in headless Chromium, as an engineer would.

Usage: fill_checklist.py BASE_URL DAY VEHICLE ANSWERS_JSON
ANSWERS_JSON is a list of {"item", "value", "note", "status"} in form order (status: what the answer records). Opens today's list for DAY, follows the
vehicle's link and its power page, enters every answer (saved as it is entered) and waits for the form to
confirm it, expects NOT DEPLOYABLE,
reloads, and checks every answer is still shown. Prints one line per step; exits 1 on the first failure.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def main():
    base, day, vehicle, answers = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    try:
        driver.get(base + "today?date=" + day)
        links = driver.find_elements(By.LINK_TEXT, vehicle)
        if not links:
            fail("today's list has no link to " + vehicle)
        links[0].click()
        driver.find_element(By.LINK_TEXT, "power").click()
        print("opened " + driver.current_url)
        for answer in answers:
            item = driver.find_element(By.ID, answer["item"])
            if answer.get("note"):
                note = item.find_element(By.NAME, "note")
                note.clear()
                note.send_keys(answer["note"])
            field = item.find_element(By.NAME, "value")
            if field.tag_name == "select":
                Select(field).select_by_value(answer["value"])
            else:
                field.clear()
                field.send_keys(answer["value"])
            item.find_element(By.TAG_NAME, "button").click()
            expected = "saved: " + answer["status"]
            try:
                WebDriverWait(driver, 10).until(
                    lambda d: any(s.text == expected for s in item.find_elements(By.CLASS_NAME, "saved")))
            except TimeoutException:
                fail("no '" + expected + "' after saving " + answer["item"] + ": " + item.text[-200:])
        verdict = driver.find_element(By.ID, "verdict").text
        print("verdict " + verdict)
        if "NOT DEPLOYABLE" not in verdict:
            fail("expected NOT DEPLOYABLE, the page says " + verdict)
        driver.refresh()
        for answer in answers:
            field = driver.find_element(By.ID, answer["item"]).find_element(By.NAME, "value")
            shown = Select(field).first_selected_option.get_attribute("value") if field.tag_name == "select" \
                else field.get_attribute("value")
            if shown != answer["value"]:
                fail(answer["item"] + " shows " + repr(shown) + " after a reload, expected " + repr(answer["value"]))
        if len(sys.argv) > 5:
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(sys.argv[5])
        print("OK")
    finally:
        driver.quit()


main()
