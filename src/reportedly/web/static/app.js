// Click (or Enter on) a highlighted quote or attribution: its details, rendered and escaped by the server in a
// <template>, are copied into the side panel. No HTML is built from strings here.
"use strict";

function select(kind, n) {
  document.querySelectorAll(".selected").forEach((el) => el.classList.remove("selected"));
  document.querySelectorAll(`#text [data-${kind}="${n}"]`).forEach((el) => el.classList.add("selected"));
  const info = document.getElementById(`${kind}-info-${n}`);
  const panel = document.getElementById("detail");
  if (!info || !panel) return;
  panel.replaceChildren(info.content.cloneNode(true));
  panel.hidden = false;
}

function target(event) {
  // a quote inside reported speech is the quote, not the attribution around it
  const el = event.target.closest("[data-q]") || event.target.closest("[data-a]");
  if (!el) return null;
  return el.dataset.q !== undefined ? ["q", el.dataset.q] : ["a", el.dataset.a];
}

document.addEventListener("click", (event) => {
  if (event.target.closest("#detail a")) return;
  const hit = target(event);
  if (!hit) return;
  if (event.target.closest("a.qref")) event.preventDefault();
  select(...hit);
});

document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" && event.key !== " ") return;
  const hit = target(event);
  if (!hit) return;
  event.preventDefault();
  select(...hit);
});
