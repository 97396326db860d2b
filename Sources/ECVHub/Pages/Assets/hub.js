// The emergency view: a click on the map fills in the point it shows and asks for the vehicles near it.
// Without this script the point is typed.
(function () {
  "use strict";
  var svg = document.querySelector(".pick svg.map");
  var form = document.getElementById("point");
  if (!svg || !form) { return; }
  var west = parseFloat(svg.dataset.west), north = parseFloat(svg.dataset.north);
  var scale = parseFloat(svg.dataset.scale), squeeze = parseFloat(svg.dataset.squeeze);
  svg.addEventListener("click", function (event) {
    var matrix = svg.getScreenCTM();
    if (!matrix) { return; }
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var inside = point.matrixTransform(matrix.inverse());
    // The inverse of the server's equirectangular projection (MapProjection.location).
    form.elements.lat.value = (north - inside.y / scale).toFixed(4);
    form.elements.lon.value = (west + inside.x / (squeeze * scale)).toFixed(4);
    form.submit();
  });
})();
