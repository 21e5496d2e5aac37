// Review queue: a "select all" box for the endorsements on this page. Without scripts the
// queue works the same, one box at a time.
document.addEventListener("DOMContentLoaded", () => {
    const all = document.querySelector("[data-campaigns-select-all]");
    if (!all) return;
    const boxes = () => document.querySelectorAll('input[type="checkbox"][name="ids"]');
    all.hidden = false;
    all.addEventListener("change", () => {
        boxes().forEach((box) => { box.checked = all.checked; });
    });
});
