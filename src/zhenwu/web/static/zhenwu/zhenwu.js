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
