// offhours dashboard: reads /v1 with the bearer token kept in this tab's sessionStorage; no external network.
"use strict";

const TOKEN_KEY = "offhours.token";
const REFRESH_MS = 10000;
let timer = null;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else if (k === "style") node.style.cssText = v; else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

class Unauthorized extends Error {}

async function api(path) {
  const response = await fetch(path, { headers: { "Authorization": "Bearer " + sessionStorage.getItem(TOKEN_KEY) } });
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try { message = (await response.json()).message; } catch (e) { /* keep the status line */ }
    throw new Error(path + ": " + message);
  }
  return response.json();
}

function showLogin(message) {
  clearTimeout(timer);
  $("content").hidden = true;
  $("forget").hidden = true;
  $("login").hidden = false;
  $("login-error").textContent = message || "";
  $("token").focus();
}

function when(text, zone) {
  if (!text) return "—";
  const options = { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false };
  if (zone) options.timeZone = zone;
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(text));
}

function ago(text) {
  if (!text) return "never";
  const seconds = Math.round((Date.now() - new Date(text).getTime()) / 1000);
  if (seconds < 90) return seconds + " s ago";
  if (seconds < 5400) return Math.round(seconds / 60) + " min ago";
  if (seconds < 172800) return Math.round(seconds / 3600) + " h ago";
  return Math.round(seconds / 86400) + " days ago";
}

function renderStatus(status) {
  const ready = status.conditions.find((c) => c.type === "Ready");
  $("ready").textContent = ready ? "Ready: " + ready.status : "Ready: Unknown";
  $("ready").className = "badge " + (ready ? ready.status : "Unknown");
  $("revision").textContent = status.appliedRevision ? "running " + status.appliedRevision : "no revision applied yet";
  const t = status.targetsByState;
  $("counts").replaceChildren(
    el("div", { class: "count" }, el("b", {}, status.schedules), "schedules"),
    el("div", { class: "count" }, el("b", {}, t.AWAKE || 0), "targets awake"),
    el("div", { class: "count" }, el("b", {}, t.ASLEEP || 0), "targets asleep"),
    el("div", { class: "count" }, el("b", {}, t.UNKNOWN || 0), "targets unknown"),
    el("div", { class: "count" }, el("b", {}, ago(status.lastFetchedAt)), "last fetch"),
    el("div", { class: "count" + (status.convergence.overdue ? " overdue" : ""), id: "overdue-count",
      title: "not converged within " + status.convergence.overdueAfter }, el("b", {}, status.convergence.overdue),
      "schedules overdue"),
    el("div", { class: "count" }, el("b", {}, status.convergence.pendingTargets), "targets pending"));
  $("conditions").replaceChildren(...status.conditions.map((c) => el("li", {},
    el("span", { class: "badge " + c.status }, c.type + ": " + c.status), " ", el("b", {}, c.reason), " ",
    el("span", { class: "muted" }, c.message))));
  $("problems").replaceChildren(...status.problems.map((p) => el("li", {}, p)));
  // Tags naming no schedule: their owners think offhours manages them; show which name and where.
  const unknown = status.unknownSchedules || [];
  $("unknown-section").hidden = unknown.length === 0;
  $("unknown").tBodies[0].replaceChildren(...unknown.map((u) => el("tr", { "data-unknown": u.schedule },
    el("td", { class: "key" }, u.schedule), el("td", {}, u.targets), el("td", {}, u.places.join(", ")))));
  // Removed schedules have no row below, yet their targets are still being woken: say so here until they are.
  $("removed").replaceChildren(...status.convergence.removed.map((r) => el("li", { "data-removed": r.schedule },
    el("b", {}, r.schedule), " removed, waking its targets: ", convergenceBadge(r.convergence, null), " ",
    el("span", { class: "muted" }, r.convergence.condition.message))));
}

// One schedule's Converged condition in a few words; the full sentence is in the title.
function convergenceBadge(c, zone) {
  const reason = c.condition.reason;
  const counts = c.pending === null ? "not counted yet" : c.pending + " pending · " + c.failed + " failed";
  let text;
  if (reason === "Converged") text = "converged";
  else if (reason === "Converging") text = "converging (" + (c.pending === null ? "not counted yet" : c.pending + " pending") + ")";
  else if (reason === "NotConverged") text = "NOT converged since " + when(c.since, zone) + " · " + counts;
  else if (reason === "IntentBehind") text = (c.overdue ? "NOT converged: " : "") + "intent still " + c.state.toLowerCase() + " since " + when(c.since, zone);
  else if (reason === "Suspended") text = "suspended";
  else if (reason === "NoIntentYet") text = "no intent yet";
  else text = reason;
  return el("span", { class: "conv " + reason + (c.overdue ? " overdue" : ""), "data-convergence": reason,
    title: c.condition.message }, text);
}

function dayTicks(start, end, zone) {
  const format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  const label = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short" });
  const ticks = [];
  let previous = null;
  for (let t = start; t < end; t += 15 * 60000) {
    const day = format.format(new Date(t));
    if (day !== previous) { ticks.push({ at: t, label: label.format(new Date(t)) }); previous = day; }
  }
  return ticks;
}

function timelineBar(schedule, now) {
  const intervals = schedule.timeline;
  const start = new Date(intervals[0].from).getTime();
  const end = new Date(intervals[intervals.length - 1].to).getTime();
  const pct = (t) => (100 * (t - start) / (end - start)).toFixed(3) + "%";
  const bar = el("div", { class: "bar", title: "7 days in " + schedule.timeZone });
  const days = el("div", { class: "days" });
  for (const tick of dayTicks(start, end, schedule.timeZone)) {
    bar.append(el("div", { class: "tick", style: "left:" + pct(tick.at) }));
    days.append(el("span", { style: "left:" + pct(tick.at) }, tick.label));
  }
  for (const i of intervals.filter((x) => x.state === "AWAKE")) {
    const from = new Date(i.from).getTime(), to = new Date(i.to).getTime();
    const long = to - from >= 24 * 3600000;
    // a reduced period (capacity below 100 %) is its own band, hatched, labelled with its share
    const reduced = i.capacityPercent != null && i.capacityPercent < 100;
    const share = reduced ? i.capacityPercent + "% " : "";
    const text = share + (from <= start && to >= end ? "awake all 7 days" : long ? when(i.from, schedule.timeZone) + " → " + when(i.to, schedule.timeZone)
      : i.fromLocal.substring(11, 16) + "–" + i.toLocal.substring(11, 16));
    bar.append(el("div", { class: reduced ? "band reduced" : "band",
      title: (reduced ? "awake at " + i.capacityPercent + "% of the saved capacity " : "awake ") + i.fromLocal + " → " + i.toLocal,
      style: "left:" + pct(from) + ";width:" + pct(start + (to - from)) }, text));
  }
  if (now >= start && now < end) bar.append(el("div", { class: "now-mark", style: "left:" + pct(now), title: "now" }));
  return el("div", {}, days, bar);
}

function renderSchedules(page) {
  const now = Date.now();
  $("schedules").replaceChildren(...page.items.map((s) => {
    const next = s.nextTransitions[0];
    const t = s.targetsByState;
    return el("div", { class: "schedule", "data-schedule": s.name },
      el("div", {},
        el("div", { class: "name" }, s.name, " ", el("span", { class: "badge " + s.state }, s.state)),
        el("div", { class: "meta" }, s.timeZone + " · " + s.owner + (s.suspended ? " · suspended" : "")),
        el("div", { class: "meta" }, next ? "next: " + next.state.toLowerCase() + " " + when(next.at, s.timeZone) : "no transition in 7 days"),
        el("div", { class: "meta" }, (t.AWAKE || 0) + " awake · " + (t.ASLEEP || 0) + " asleep · " + (t.UNKNOWN || 0) + " unknown"),
        el("div", { class: "meta" }, convergenceBadge(s.convergence, s.timeZone))),
      timelineBar(s, now));
  }));
  // A label that does not fit its band is dropped rather than cut (the title still tells the times).
  for (const band of document.querySelectorAll(".band")) {
    if (band.scrollWidth > band.clientWidth) band.textContent = "";
  }
  if (page.items.length === 0) $("schedules").append(el("p", { class: "muted" }, "No schedules in the applied revision."));
}

function stateBar(counts) {
  const total = (counts.AWAKE || 0) + (counts.ASLEEP || 0) + (counts.UNKNOWN || 0);
  const bar = el("div", { class: "statebar" });
  for (const state of ["AWAKE", "ASLEEP", "UNKNOWN"]) {
    if (counts[state]) bar.append(el("div", { class: state, style: "width:" + (100 * counts[state] / total) + "%" }));
  }
  return el("div", {}, (counts.AWAKE || 0) + " awake · " + (counts.ASLEEP || 0) + " asleep · " + (counts.UNKNOWN || 0) + " unknown", bar);
}

function renderAccounts(page) {
  $("accounts").tBodies[0].replaceChildren(...page.items.map((a) => el("tr", {},
    el("td", {}, a.alias ? a.alias : a.account, a.alias ? el("div", { class: "muted small" }, a.account) : null),
    el("td", { class: "nowrap" }, a.region),
    el("td", {}, el("span", { class: "badge " + a.status }, a.status), a.lastError ? el("div", { class: "error small" }, a.lastError) : null,
      a.events === "MISSING" ? el("div", { class: "error small" }, "no spoke events although targets sleep here: check the account's CloudTrail trail and forwarding rules") : null,
      ...(a.quota || []).filter((q) => q.breached).map((q) => el("div", { class: "error small quota" }, "vCPU quota: " + q.summary))),
    el("td", {}, stateBar(a.targetsByState)),
    el("td", {}, ago(a.lastDiscoveryAt)))));
}

function capacity(c) {
  return c ? "min=" + c.min + ",desired=" + c.desired + ",max=" + c.max : "not known";
}

function renderOrphans(page) {
  $("orphans-section").hidden = page.items.length === 0;
  $("orphans").tBodies[0].replaceChildren(...page.items.map((o) => el("tr", { "data-orphan": o.targetKey },
    el("td", { class: "key", title: o.sentence }, o.targetKey),
    el("td", {}, o.schedule),
    el("td", { class: "nowrap" }, capacity(o.savedAwake), el("div", { class: "muted small" }, "now " + capacity(o.current))),
    el("td", { class: "nowrap" }, ago(o.reportedAt), el("div", { class: "muted small" }, "by " + o.reportedBy)))));
}

function renderOperations(failures, latest) {
  const seen = new Set(failures.items.map((o) => o.id));
  const rows = failures.items.concat(latest.items.filter((o) => !seen.has(o.id))).slice(0, 40);
  $("operations").tBodies[0].replaceChildren(...rows.map((o) => el("tr", { class: o.status === "FAILED" ? "failed" : "" },
    el("td", { class: "nowrap" }, when(o.createdAt)),
    el("td", {}, o.schedule),
    el("td", { class: "key" }, o.targetKey),
    el("td", {}, o.action),
    el("td", {}, el("span", { class: "badge " + o.status }, o.status),
      o.errorCode ? el("div", { class: "error small" }, o.errorCode + (o.message ? ": " + o.message : "")) : null))));
  if (rows.length === 0) $("operations").tBodies[0].append(el("tr", {}, el("td", { colspan: "5", class: "muted" }, "No operations in the last 7 days.")));
}

let savingsPeriod = "week";

function money(value, currency) {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: currency || "USD",
    maximumFractionDigits: value >= 100 ? 0 : 2 }).format(value);
}

function number(value) {
  return new Intl.NumberFormat("en-GB", { maximumFractionDigits: value >= 100 ? 0 : 1 }).format(value);
}

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// One bar per UTC day of the period: the estimated cost avoided that day (its instance-hours in the tooltip).
function savingsChart(s) {
  const width = 700, height = 190, top = 18, bottom = 24;
  const start = new Date(s.from), end = new Date(s.to);
  const byDate = new Map(s.days.map((d) => [d.date, d]));
  const dates = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())); d < end;
       d = new Date(d.getTime() + 86400000)) dates.push(d.toISOString().substring(0, 10));
  const max = Math.max(0.01, ...dates.map((d) => (byDate.get(d) || { estimatedCost: 0 }).estimatedCost));
  const slot = width / dates.length, barWidth = Math.max(3, slot * 0.7);
  const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
    "aria-label": "estimated cost avoided per day" });
  dates.forEach((date, i) => {
    const day = byDate.get(date) || { instanceHours: 0, estimatedCost: 0 };
    const h = (height - top - bottom) * day.estimatedCost / max;
    const x = i * slot + (slot - barWidth) / 2, y = height - bottom - h;
    const bar = svg("rect", { class: "bar-day", "data-day": date, x: x.toFixed(1), y: y.toFixed(1),
      width: barWidth.toFixed(1), height: Math.max(0, h).toFixed(1), rx: 2 });
    bar.append(svg("title", {}, date + ": " + money(day.estimatedCost, s.currency) + ", "
      + number(day.instanceHours) + " instance-hours avoided"));
    chart.append(bar);
    if (dates.length <= 10 || i % Math.ceil(dates.length / 10) === 0) {
      chart.append(svg("text", { x: (i * slot + slot / 2).toFixed(1), y: height - 8, "text-anchor": "middle" },
        new Intl.DateTimeFormat("en-GB", { weekday: dates.length <= 10 ? "short" : undefined, day: "numeric",
          month: "short", timeZone: "UTC" }).format(new Date(date))));
    }
    if (dates.length <= 10 && day.estimatedCost > 0) {
      chart.append(svg("text", { class: "value", x: (i * slot + slot / 2).toFixed(1), y: (y - 4).toFixed(1),
        "text-anchor": "middle" }, money(day.estimatedCost, s.currency)));
    }
  });
  return chart;
}

function renderSavings(s) {
  document.querySelectorAll(".period-switch button").forEach((b) => b.classList.toggle("on", b.dataset.period === s.period));
  $("savings-note").textContent = "last " + (s.period === "month" ? "30" : "7") + " days; estimate at on-demand "
    + "prices of " + s.priceDate + ", every instance priced as " + s.assumedInstanceType;
  $("savings-counts").replaceChildren(
    el("div", { class: "count saving", id: "savings-cost" }, el("b", {}, money(s.total.estimatedCost, s.currency)),
      "estimated cost avoided"),
    el("div", { class: "count" }, el("b", {}, number(s.total.instanceHours)), "instance-hours avoided"),
    el("div", { class: "count" }, el("b", {}, number(s.total.hoursAsleep)), "target-hours asleep"),
    el("div", { class: "count" }, el("b", {}, s.total.targets), "targets slept"));
  $("savings-chart").replaceChildren(savingsChart(s),
    el("figcaption", { class: "muted small" }, "estimated cost avoided per day (UTC)"));
  $("savings-teams").tBodies[0].replaceChildren(...s.byTeam.map((t) => el("tr", { "data-team": t.key },
    el("td", {}, t.key), el("td", {}, number(t.instanceHours)), el("td", {}, money(t.estimatedCost, s.currency)))));
  if (s.byTeam.length === 0) $("savings-teams").tBodies[0].append(el("tr", {}, el("td", { colspan: "3", class: "muted" }, "Nothing slept in this period.")));
}

async function refresh() {
  clearTimeout(timer);
  try {
    const [status, schedules, accounts, failures, latest, orphans, savings] = await Promise.all([
      api("/v1/status"), api("/v1/schedules?limit=100"), api("/v1/accounts?limit=200"),
      api("/v1/operations?status=FAILED&limit=20"), api("/v1/operations/latest?limit=40"), api("/v1/orphans?limit=100"),
      api("/v1/savings?period=" + savingsPeriod)]);
    $("login").hidden = true;
    $("content").hidden = false;
    $("forget").hidden = false;
    $("error").hidden = true;
    renderStatus(status);
    renderSchedules(schedules);
    renderAccounts(accounts);
    renderOrphans(orphans);
    renderOperations(failures, latest);
    renderSavings(savings);
    $("refreshed").textContent = "updated " + new Date().toLocaleTimeString("en-GB");
  } catch (e) {
    if (e instanceof Unauthorized) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin("That token is not accepted here.");
      return;
    }
    $("error").textContent = "Could not refresh: " + e.message;
    $("error").hidden = false;
  }
  timer = setTimeout(refresh, REFRESH_MS);
}

document.addEventListener("DOMContentLoaded", () => {
  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value);
    $("token").value = "";
    refresh();
  });
  $("forget").addEventListener("click", () => { sessionStorage.removeItem(TOKEN_KEY); showLogin(""); });
  document.querySelectorAll(".period-switch button").forEach((b) => b.addEventListener("click", () => {
    savingsPeriod = b.dataset.period;
    refresh();
  }));
  const fromFragment = new URLSearchParams(location.hash.substring(1)).get("token");
  if (fromFragment) {
    // A link with #token=... (as demo prints) signs in once; the fragment never reaches the server or its logs.
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, "", location.pathname);
  }
  if (sessionStorage.getItem(TOKEN_KEY)) refresh(); else showLogin("");
});
