/* Filter for the sociale kaart overview: municipality, category and free text.
   Reads window.EKC_KAART (kaart-data.js, a script so it also loads from file://). */
(function () {
  "use strict";
  var data = window.EKC_KAART;
  var gemeente = document.getElementById("ekc-gemeente");
  var categorie = document.getElementById("ekc-categorie");
  var tekst = document.getElementById("ekc-tekst");
  var aantal = document.getElementById("ekc-aantal");
  var lijst = document.getElementById("ekc-resultaten");
  if (!data || !gemeente || !categorie || !tekst || !aantal || !lijst) return;
  var MAX = 60;

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = String(value);
    o.textContent = label;
    select.appendChild(o);
  }
  data.gemeenten.forEach(function (naam, i) { option(gemeente, i, naam); });
  data.categorieen.forEach(function (naam, i) { option(categorie, i, naam); });

  function badge(text, kind) {
    var span = document.createElement("span");
    span.className = "ekc-badge ekc-badge--" + kind;
    span.textContent = text;
    return span;
  }

  function update() {
    var g = gemeente.value === "" ? -1 : Number(gemeente.value);
    var c = categorie.value === "" ? -1 : Number(categorie.value);
    var woorden = tekst.value.toLowerCase().split(/\s+/).filter(Boolean);
    var gevonden = data.voorzieningen.filter(function (v) {
      if (g >= 0 && v[1] !== g) return false;
      if (c >= 0 && v[2].indexOf(c) < 0) return false;
      return woorden.every(function (w) { return v[6].indexOf(w) >= 0; });
    });
    lijst.textContent = "";
    gevonden.slice(0, MAX).forEach(function (v) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = v[3];
      a.textContent = v[0];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + data.gemeenten[v[1]] + " "));
      if (v[4]) li.appendChild(badge(v[4], "status"));
      if (v[5]) li.appendChild(badge("Mogelijk verouderd", "verouderd"));
      lijst.appendChild(li);
    });
    var n = gevonden.length;
    aantal.textContent = (n === 1 ? "1 voorziening gevonden" : n + " voorzieningen gevonden") +
      (n > MAX ? "; de eerste " + MAX + " staan hieronder. Kies een gemeente of onderwerp om te verfijnen." : ".");
  }

  gemeente.addEventListener("change", update);
  categorie.addEventListener("change", update);
  tekst.addEventListener("input", update);
  update();
})();
