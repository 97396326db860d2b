"""What every browser test of ecv's pages asks of a page, shared by the web form's and the hub's drivers.

Each driver adds this folder to its path; the folder belongs to no Swift target.
"""

import sys

from axe_selenium_python import Axe
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print("FAIL " + message, flush=True)
    sys.exit(1)


def step(message):
    print(message, flush=True)


def wait_for(driver, what, condition, seconds=15):
    # A condition may read the page while it is being replaced (a click or a post that loads a new page): an
    # element gone stale or not there yet is asked again, not a failure.
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.2,
                             ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)
                             ).until(lambda d: condition())
    except TimeoutException:
        fail("no " + what + " within %d s" % seconds)


def check_layout(driver, name, width, targets):
    """No horizontal scrolling, every element of the CSS selector `targets` at least 44 px high, no serious or
    critical accessibility violation (axe-core)."""
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    if scroll > inner:
        fail("%s at %d px scrolls sideways: %d px wide" % (name, width, scroll))
    small = driver.execute_script("""
        var out = [];
        document.querySelectorAll(arguments[0]).forEach(function (e) {
          var r = e.getBoundingClientRect();
          if (r.width > 0 && r.height > 0 && r.height < 44) {
            out.push(e.tagName + ' ' + (e.textContent || e.name).trim().slice(0, 30) + ' ' + Math.round(r.height));
          }
        });
        return out;""", targets)
    if small:
        fail("%s at %d px has controls under 44 px: %s" % (name, width, "; ".join(small[:5])))
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    if serious:
        fail("%s at %d px: %s" % (name, width, "; ".join(
            "%s (%s): %s" % (v["id"], v["impact"], v["nodes"][0]["html"][:160]) for v in serious)))
    step("%s at %d px: no sideways scrolling, targets >= 44 px, axe: %d violations, none serious or critical%s" %
         (name, width, len(results["violations"]),
          "".join(" [%s %s]" % (v["id"], v.get("impact")) for v in results["violations"])))
