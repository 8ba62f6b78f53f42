// Behaviour every page shares, as a file: the Content-Security-Policy runs no inline script.
//   <select data-submit-on-change>  sends its form when a choice is made (the area switcher)
//   <form data-confirm="…">         asks before sending (deleting a row)
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.matches("select[data-submit-on-change]") && field.form) field.form.submit();
});
document.addEventListener("submit", (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// A long list (the area picker: 150-odd towns and villages for a county) gets a box above it:
// typing part of a name or code keeps only the matching choices; the chosen one always stays.
//   <select> with more than LONG_LIST options, or one marked data-searchable
const LONG_LIST = 20;

function searchableSelect(select) {
  const original = Array.from(select.children).map((node) => node.cloneNode(true));
  const box = document.createElement("input");
  box.type = "search";
  box.className = "select-search";
  box.placeholder = "输入名称或代码筛选";
  box.setAttribute("aria-label", "筛选选项");
  box.autocomplete = "off";
  if (select.id) box.setAttribute("aria-controls", select.id);
  select.parentNode.insertBefore(box, select);
  const fits = (option, words) =>
    words.every((word) => option.textContent.toLowerCase().includes(word) || option.value.startsWith(word));
  const pick = (words, keep) =>
    original.flatMap((node) => {
      if (node.tagName === "OPTGROUP") {
        const whole = words.every((word) => node.label.toLowerCase().includes(word));
        const kept = Array.from(node.children).filter((option) => whole || keep(option) || fits(option, words));
        if (!kept.length) return [];
        const group = node.cloneNode(false);
        group.append(...kept.map((option) => option.cloneNode(true)));
        return [group];
      }
      return keep(node) || fits(node, words) ? [node.cloneNode(true)] : [];
    });
  box.addEventListener("input", () => {
    const words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = select.value;
    let nodes = pick(words, (option) => option.value === "");
    const found = nodes.some((node) => node.tagName === "OPTGROUP" || node.value !== "");
    // nothing matches: keep the current choice so the form is never left without one
    if (!found) nodes = pick(words, (option) => option.value === "" || option.value === chosen);
    select.classList.toggle("no-match", !found);
    select.replaceChildren(...nodes);
    select.value = chosen;
    if (select.value !== chosen || (words.length && !chosen)) {
      const first = select.querySelector("option:not([value=''])");
      if (first) select.value = first.value;
    }
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault(); // choosing, not sending the form
      if (select.matches("[data-submit-on-change]") && select.form) select.form.submit();
    }
  });
}

function enhanceLongLists() {
  document.querySelectorAll("select:not([multiple])").forEach((select) => {
    if (select.dataset.searchEnhanced) return;
    if (select.options.length > LONG_LIST || select.matches("[data-searchable]")) {
      select.dataset.searchEnhanced = "1";
      searchableSelect(select);
    }
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceLongLists);
else enhanceLongLists();
document.addEventListener("htmx:afterSettle", enhanceLongLists);
