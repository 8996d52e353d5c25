"""The style and the one small script of kzlearn's Anki cards (plain strings, no genanki).

The script makes multiple-choice and true/false cards clickable: it shuffles the lettered
choices at each review, keeps the order and the student's pick from the front to the back
(sessionStorage where the client has it: AnkiDroid and AnkiMobile load each side as a new
page; a window property otherwise: Anki desktop keeps the page), and marks on the back the
pick beside the right answer. Without scripts the card is what was exported: lettered
choices, the right one marked on the back; the true/false buttons only exist with scripts.
No network, no external file.
"""

from __future__ import annotations

__all__ = ["CSS", "SCRIPT"]

CSS = """
.card { font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Geeza Pro",
        "Segoe UI", "Arial", sans-serif; font-size: 22px; text-align: center;
        color: #1d1d1f; background: #fdfdfb; line-height: 1.6; }
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
        color: #ececec; background: #1e1e1e; }
.translation { font-size: 16px; color: #6b6b6b; margin-top: .4em; }
.cue { font-weight: bold; color: #0b5cad; margin-bottom: .4em; }
.choices, .sides ol { display: inline-block; text-align: start; margin: .6em auto;
        padding: 0; list-style: none; }
.choices li, .sides li { margin: .3em 0; padding: .1em .4em; border-radius: .4em; }
.letter { display: inline-block; min-width: 1.5em; margin-inline-end: .5em; font-weight: bold;
        text-align: center; border: 1px solid currentColor; border-radius: .75em; }
.right { font-weight: bold; color: #157347; }
.right::after { content: " ✓"; }
.kz-js [data-i] { cursor: pointer; }
.kz-js [data-i]:hover { background: rgba(11, 92, 173, .08); }
.picked { outline: 2px solid #0b5cad; }
.picked:not(.right) { color: #b02a37; }
.picked:not(.right)::after { content: " ✗"; }
.tf button { font: inherit; margin: .3em .6em; padding: .2em 1.2em; border-radius: .4em;
        border: 1px solid #999; background: transparent; color: inherit; }
.sides { display: flex; justify-content: center; gap: 1.5em; }
.sides ol { flex: 1 1 0; margin: .6em 0; }
.sides ol.left { flex: 0 1 auto; padding-inline-end: 1.5em; border-inline-end: 1px solid #ccc; }
table.pairs { margin: .6em auto; border-collapse: collapse; }
table.pairs td { padding: .2em .6em; border-bottom: 1px solid #ddd; }
.cloze { font-weight: bold; color: #0b5cad; }
.explanation { font-size: 18px; margin-top: 1em; }
.accepted { font-size: 18px; margin-top: .6em; }
.evidence { font-size: 16px; color: #555; margin-top: 1em; font-style: italic; }
.source { font-size: 14px; color: #777; }
#typeans { font-family: inherit; }
.nightMode .translation, .night_mode .translation { color: #a8a8a8; }
.nightMode .evidence, .night_mode .evidence { color: #b8b8b8; }
.nightMode .source, .night_mode .source { color: #9a9a9a; }
.nightMode .right, .night_mode .right { color: #6fd08c; }
.nightMode .picked:not(.right), .night_mode .picked:not(.right) { color: #ff8a8a; }
.nightMode .cloze, .night_mode .cloze, .nightMode .cue, .night_mode .cue { color: #7fb6ff; }
.nightMode table.pairs td, .night_mode table.pairs td { border-color: #444; }
"""

# One script for both card types, run on each side. data-i names an option (a choice's
# exported position, or t/f); data-back marks the answer side.
SCRIPT = """<script>
(function () {
  var all = document.querySelectorAll(".kz-pick"), box = all[all.length - 1];
  if (!box) return;
  var key = "kz:" + box.getAttribute("data-k"), back = box.hasAttribute("data-back");
  var store = null, state = null;
  try { store = window.sessionStorage; } catch (e) {}
  function save() {
    var text = JSON.stringify(state);
    window[key] = text;
    try { store.setItem(key, text); } catch (e) {}
  }
  if (back) {
    try { state = JSON.parse((store && store.getItem(key)) || window[key]); } catch (e) {}
  }
  var cue = box.querySelector(".cue"), buttons = box.querySelector(".tf");
  if (cue && buttons) {
    ["t", "f"].forEach(function (value) {
      var button = document.createElement("button");
      button.setAttribute("data-i", value);
      button.textContent = cue.getAttribute("data-" + value);
      buttons.appendChild(button);
    });
  }
  var options = [].slice.call(box.querySelectorAll("[data-i]"));
  var order = options.map(function (_, i) { return i; });
  if (!cue) {
    var letters = options.map(function (o) {
      var l = o.querySelector(".letter"); return l ? l.textContent : "";
    });
    if (back) {
      if (state && state.p && state.p.length === options.length) order = state.p;
    } else {
      for (var i = order.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1)), t = order[i];
        order[i] = order[j]; order[j] = t;
      }
    }
    order.forEach(function (from, at) {
      var o = options[from], l = o.querySelector(".letter");
      o.parentNode.appendChild(o);
      if (l) l.textContent = letters[at];
    });
  }
  var answer = box.parentNode.querySelector(".kz-answer");
  if (!back) { state = {p: order, c: null}; save(); }
  box.className += " kz-js";
  options.forEach(function (o) {
    var value = o.getAttribute("data-i");
    if (back) {
      if (state && state.c === value) o.className += " picked";
      if (answer && o.textContent === answer.textContent.trim()) o.className += " right";
      return;
    }
    o.addEventListener("click", function () {
      options.forEach(function (x) { x.classList.remove("picked"); });
      o.classList.add("picked");
      state.c = value; save();
      if (typeof pycmd === "function") pycmd("ans");
      else if (typeof showAnswer === "function") showAnswer();
    });
  });
})();
</script>"""
