// The 报表 grid, as fast as paper: Enter goes to the next row (the last one saves), and a
// column copied from Excel and pasted into one cell fills that row and the rows below it.
document.addEventListener("DOMContentLoaded", () => {
  const inputs = Array.from(document.querySelectorAll("input.figure:not([readonly])"));
  inputs.forEach((input, index) => {
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const next = inputs[index + 1];
      if (next) { next.focus(); next.select(); } else { input.form.requestSubmit(); }
    });
    input.addEventListener("paste", (event) => {
      const text = (event.clipboardData || window.clipboardData).getData("text");
      const lines = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
      if (lines.length < 2) return;
      event.preventDefault();
      lines.forEach((line, offset) => {
        const target = inputs[index + offset];
        if (!target) return;
        target.value = line.split("\t")[0].trim();
        target.dispatchEvent(new Event("change", { bubbles: true }));  // the cell check runs for each
      });
    });
  });
});
