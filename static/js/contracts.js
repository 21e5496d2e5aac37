// Contract library: the "compare" button counts the ticked clauses. Without this script the
// form still works; the server explains if not exactly two were ticked.
(function () {
    "use strict";
    var form = document.getElementById("compare-form");
    if (!form) {
        return;
    }
    var button = form.querySelector("button[type=submit]");
    var boxes = document.querySelectorAll("input[type=checkbox][name=c][form=compare-form]");
    function update() {
        var ticked = 0;
        boxes.forEach(function (box) {
            if (box.checked) {
                ticked += 1;
            }
        });
        button.disabled = ticked !== 2;
        button.setAttribute("aria-disabled", ticked !== 2 ? "true" : "false");
        boxes.forEach(function (box) {
            // Two is the most that can be compared: the others wait until one is unticked.
            box.disabled = !box.checked && ticked >= 2;
        });
    }
    boxes.forEach(function (box) {
        box.addEventListener("change", update);
    });
    update();
})();
