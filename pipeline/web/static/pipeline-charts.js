// Draws every chart of the page from the Vega-Lite spec the server put beside it.
document.querySelectorAll("div.vega[data-spec]").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.spec).textContent);
  vegaEmbed(el, spec, {actions: false, renderer: "svg"}).then(function (result) {
    el.dataset.drawn = "true";
  }).catch(function (err) {
    el.textContent = "The chart could not be drawn: " + err;
  });
});
