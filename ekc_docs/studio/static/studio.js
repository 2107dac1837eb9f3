/* ekc studio: live checks, the preview, and a question before unsaved work is closed.
   Plain JavaScript, no libraries; the pages also work without it (every button posts). */
"use strict";

(function () {
  // the token leaves the address bar once the cookie is set
  if (window.location.search.indexOf("token=") !== -1) {
    var params = new URLSearchParams(window.location.search);
    params.delete("token");
    var rest = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
  }

  var form = document.getElementById("formulier");
  if (!form) { return; }

  // the sticky bar's height, so that a field reached by a link or Tab is not under it
  var bar = form.querySelector(".balk");
  function measureBar() {
    var sticky = bar && window.getComputedStyle(bar).position === "sticky";
    document.documentElement.style.setProperty("--balk", (sticky ? bar.offsetHeight : 0) + "px");
  }
  measureBar();
  window.addEventListener("resize", measureBar);

  // a link to a field (the summary, an error) or to a new entry puts the focus in that field
  function focusTarget(id) {
    var target = id && document.getElementById(id);
    if (!target) { return false; }
    var field = target.matches("input, select, textarea, button") ? target :
      target.querySelector("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])");
    if (!field) { return false; }
    field.focus();
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link || link.classList.contains("overslaan")) { return; }
    if (focusTarget(decodeURIComponent(link.getAttribute("href").slice(1)))) {
      event.preventDefault();
      window.history.replaceState(null, "", link.getAttribute("href"));
    }
  });
  // after the page (and the browser's own jump to the #anchor) is done: a new entry's first
  // field, or after saving the message that says so, gets the focus instead of <body>
  window.addEventListener("load", function () {
    var notice = document.getElementById("melding");
    if (document.activeElement && document.activeElement !== document.body) {
      return;  // never taken away from where the person already is
    }
    if (window.location.hash) {
      focusTarget(decodeURIComponent(window.location.hash.slice(1)));
    } else if (notice) {
      notice.focus();
    }
  });
  var dirty = form.dataset.gewijzigd === "ja";
  var submitting = false;
  var timer = null;
  var pending = null;
  var status = document.getElementById("status");
  var preview = document.getElementById("voorbeeld");
  var previewOutdated = false;

  function clearFindings() {
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
      var help = el.getAttribute("aria-describedby") || "";
      var kept = help.split(" ").filter(function (id) { return id && !/-melding$/.test(id); });
      if (kept.length) { el.setAttribute("aria-describedby", kept.join(" ")); }
      else { el.removeAttribute("aria-describedby"); }
    });
    form.querySelectorAll(".melding").forEach(function (el) {
      el.textContent = "";
      el.hidden = true;
    });
  }

  function showFinding(finding) {
    if (!finding.id) { return; }
    var box = document.getElementById(finding.id + "-melding");
    if (!box) { return; }
    var line = document.createElement("span");
    line.className = finding.severity;
    line.textContent = (finding.severity === "fout" ? "Fout: " : "Waarschuwing: ") + finding.message;
    box.appendChild(line);
    box.hidden = false;
    form.querySelectorAll('[name="' + CSS.escape(finding.field) + '"]').forEach(function (el) {
      el.setAttribute("aria-invalid", "true");
      var ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (ids.indexOf(box.id) === -1) { ids.push(box.id); }
      el.setAttribute("aria-describedby", ids.join(" "));
    });
  }

  function check() {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var body = new URLSearchParams(new FormData(form));
    fetch(form.dataset.controleer, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      signal: pending.signal
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (answer) {
      dirty = answer.dirty;
      clearFindings();
      answer.findings.forEach(showFinding);
      document.getElementById("samenvatting").innerHTML = answer.summary;
      var errors = answer.findings.filter(function (f) { return f.severity === "fout"; }).length;
      status.textContent = (dirty ? "Niet-opgeslagen wijzigingen. " : "Alles is opgeslagen. ") +
        (answer.conflict ? "Let op: het bestand is op schijf gewijzigd; laad de pagina opnieuw. " : "") +
        (errors === 0 ? "Geen fouten." : errors + (errors === 1 ? " fout." : " fouten."));
      form.dataset.revisie = String(answer.revision);
      // with errors the last good preview stays, marked as outdated (loaded once)
      if (preview && (answer.preview || !previewOutdated)) {
        preview.src = form.dataset.voorbeeld + "?r=" + answer.revision;
        previewOutdated = !answer.preview;
      }
    }).catch(function (error) {
      if (error.name !== "AbortError") {
        status.textContent = "De controle lukte niet; je wijzigingen staan nog in het formulier.";
      }
    });
  }

  function changed(delay) {
    dirty = true;
    status.textContent = "Niet-opgeslagen wijzigingen; wordt gecontroleerd…";
    window.clearTimeout(timer);
    timer = window.setTimeout(check, delay);
  }

  form.addEventListener("input", function () { changed(400); });
  form.addEventListener("change", function () { changed(50); });
  form.addEventListener("submit", function () { submitting = true; });
  document.querySelectorAll("form").forEach(function (other) {
    if (other !== form) { other.addEventListener("submit", function () { submitting = true; }); }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
