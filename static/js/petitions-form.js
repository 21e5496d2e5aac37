// Petition sign form: after a failed submit the page comes back from the server with the
// errors marked, but on a phone the form is screens below the top. Move focus (and so the
// view) to the first field in error, or else to the refusal message. Without this script
// the errors are still there, beside each field.
(function () {
    "use strict";
    var form = document.querySelector(".petition-form");
    var target = null;
    if (form) {
        target = form.querySelector(
            ".field--error input, .field--error select, .field--error textarea"
        );
        if (!target) {
            var group = form.querySelector("fieldset .errorlist");
            target = group ? group.parentNode.querySelector("input") : null;
        }
    }
    if (!target) {
        target = document.querySelector(".petition-side .message--error[role=alert]");
        if (target) {
            target.setAttribute("tabindex", "-1");
        }
    }
    if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "center" });
    }
})();
