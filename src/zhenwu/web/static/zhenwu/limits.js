// Refuse in the browser what the server would refuse, before megabytes are sent to be told no:
// text past data-max-chars, a file past data-max-bytes, more files than data-max-files.
// The server checks again; here the text simply stays where the user typed it.
"use strict";

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toLocaleString("zh-CN", { maximumFractionDigits: 1 })} MB`;
}

function refusal(field) {
  const { maxChars, maxBytes, maxFiles } = field.dataset;
  if (maxChars && field.value.length > Number(maxChars)) {
    return `文字有 ${field.value.length.toLocaleString("zh-CN")} 字，超过 ${Number(maxChars).toLocaleString("zh-CN")} 字的上限，请分成几份`;
  }
  const files = field.files ? [...field.files] : [];
  if (maxFiles && files.length > Number(maxFiles)) {
    return `一次最多上传 ${maxFiles} 个文件（选了 ${files.length} 个），请分批上传`;
  }
  const big = maxBytes && files.find((file) => file.size > Number(maxBytes));
  return big ? `“${big.name}”有 ${megabytes(big.size)}，超过 ${megabytes(Number(maxBytes))} 的上限` : "";
}

document.querySelectorAll("[data-max-chars], [data-max-bytes], [data-max-files]").forEach((field) => {
  const check = () => {
    field.setCustomValidity(refusal(field));
    field.reportValidity();
  };
  field.addEventListener("input", check);
  field.addEventListener("change", check);
});
