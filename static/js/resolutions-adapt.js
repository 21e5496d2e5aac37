// Live preview while adapting a resolution. Without JavaScript the Preview button does the
// same through a normal form submission; this only saves the round trip.
(function () {
    "use strict";
    var form = document.getElementById("adapt-form");
    var target = document.getElementById("adapt-preview");
    if (!form || !target || !window.fetch || !window.FormData) {
        return;
    }
    var url = form.getAttribute("data-preview-url");
    var timer = null;
    var sequence = 0;

    function update() {
        var data = new FormData(form);
        data.set("action", "preview");
        var mine = ++sequence;
        fetch(url, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (response) { return response.text(); })
            .then(function (html) {
                // Only the newest answer wins; the fragment is our own server-rendered HTML.
                if (mine === sequence) {
                    target.innerHTML = html;
                }
            })
            .catch(function () { /* keep the last preview; the Preview button still works */ });
    }

    function later() {
        window.clearTimeout(timer);
        timer = window.setTimeout(update, 250);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
    document.documentElement.classList.add("adapt-live");
})();
