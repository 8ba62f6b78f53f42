// Fill the hidden latitude/longitude fields from the phone's location, when the user asks.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-locate]");
  if (!button || !navigator.geolocation) return;
  event.preventDefault();
  const status = document.getElementById("locate-status");
  status.textContent = "正在定位……";
  navigator.geolocation.getCurrentPosition(
    (position) => {
      document.getElementById("id_latitude").value = position.coords.latitude.toFixed(6);
      document.getElementById("id_longitude").value = position.coords.longitude.toFixed(6);
      status.textContent = `已定位（精度约 ${Math.round(position.coords.accuracy)} 米）`;
    },
    () => { status.textContent = "无法获取位置，请填写地点文字。"; },
    { enableHighAccuracy: true, timeout: 10000 },
  );
});
