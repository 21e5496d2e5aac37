// Signed page: "Copy" buttons for the petition link and the message. Without this script (or
// without clipboard access) the link and message stay in readonly fields to select and copy.
(function () {
    "use strict";
    var status = document.querySelector(".petition-share__status");
    if (!status || !navigator.clipboard) {
        return;
    }
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy"));
        if (!field) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(
                function () {
                    status.textContent = status.getAttribute("data-copied");
                },
                function () {
                    field.focus();
                    field.select();
                    status.textContent = status.getAttribute("data-failed");
                }
            );
        });
    });
})();
