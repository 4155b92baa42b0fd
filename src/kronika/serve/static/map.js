// Map page: country outlines and event points in Web Mercator, drawn as SVG by this script
// alone (no map library, no CDN). Points are grouped by screen distance, so the groups
// change as one zooms; a group's circle shows how many events it holds. OpenStreetMap
// tiles are fetched only when the user ticks the box.
"use strict";
(function () {
  const box = document.getElementById("map");
  const svg = document.getElementById("map-svg");
  if (!box || !svg) return;
  const NS = "http://www.w3.org/2000/svg";
  const WORLD = 256;            // world units: the pixels of OpenStreetMap's zoom level 0
  const CELL = 44;              // points closer than this (screen pixels) form a group
  const MAX_TILES = 120;
  const info = document.getElementById("map-info");
  const tilesBox = document.getElementById("osm-tiles");
  const view = { k: 1, x: 0, y: 0 };
  let points = [];

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  const world = el("g", { id: "map-world" }, svg);
  const tiles = el("g", { id: "map-tiles" }, world);
  const land = el("g", { id: "map-countries" }, world);
  const marks = el("g", { id: "map-points" }, svg);

  function project(lon, lat) {
    const clamped = Math.max(-85.05, Math.min(85.05, lat)) * Math.PI / 180;
    const x = (lon + 180) / 360 * WORLD;
    const y = (1 - Math.log(Math.tan(clamped) + 1 / Math.cos(clamped)) / Math.PI) / 2 * WORLD;
    return [x, y];
  }
  function size() { return [svg.clientWidth || 800, svg.clientHeight || 500]; }

  function ringPath(ring) {
    let d = "";
    ring.forEach(function (point, i) {
      const p = project(point[0], point[1]);
      d += (i ? "L" : "M") + p[0].toFixed(2) + " " + p[1].toFixed(2);
    });
    return d + "Z";
  }
  function drawCountries(geojson) {
    geojson.features.forEach(function (feature) {
      const g = feature.geometry;
      if (!g || feature.properties.iso_a3 === "ATA") return;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      let d = "";
      polygons.forEach(function (rings) { rings.forEach(function (ring) { d += ringPath(ring); }); });
      const path = el("path", { d: d, class: "country", "fill-rule": "evenodd" }, land);
      el("title", {}, path).textContent = feature.properties.name || "";
    });
  }

  function fit(bounds) {
    const [w, h] = size();
    const dx = Math.max(bounds[2] - bounds[0], 2), dy = Math.max(bounds[3] - bounds[1], 2);
    view.k = Math.min(w / dx, h / dy) * 0.85;
    view.k = Math.max(w / WORLD, Math.min(view.k, 2 ** 16));
    view.x = w / 2 - (bounds[0] + bounds[2]) / 2 * view.k;
    view.y = h / 2 - (bounds[1] + bounds[3]) / 2 * view.k;
    redraw();
  }
  function fitPoints() {
    if (!points.length) return fit([0, 40, WORLD, 200]);
    const xs = points.map(function (p) { return p.xy[0]; }), ys = points.map(function (p) { return p.xy[1]; });
    fit([Math.min.apply(null, xs), Math.min.apply(null, ys), Math.max.apply(null, xs), Math.max.apply(null, ys)]);
  }

  function radius(participants, events) {
    const crowd = Math.sqrt(Math.max(participants || 0, 0)) / 12;
    return Math.max(4 + Math.sqrt(events - 1) * 3, Math.min(6 + crowd, 34));
  }

  function drawPoints() {
    while (marks.firstChild) marks.removeChild(marks.firstChild);
    const cells = new Map();
    points.forEach(function (p) {
      const sx = p.xy[0] * view.k + view.x, sy = p.xy[1] * view.k + view.y;
      const key = Math.floor(sx / CELL) + ":" + Math.floor(sy / CELL);
      let cell = cells.get(key);
      if (!cell) { cell = { x: 0, y: 0, items: [], crowd: 0 }; cells.set(key, cell); }
      cell.x += sx; cell.y += sy; cell.items.push(p); cell.crowd += p.participants || 0;
    });
    cells.forEach(function (cell) {
      const n = cell.items.length, x = cell.x / n, y = cell.y / n;
      const first = cell.items[0];
      const circle = el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(cell.crowd, n).toFixed(1) }, marks);
      const title = el("title", {}, circle);
      if (n === 1) {
        circle.setAttribute("class", "point");
        circle.setAttribute("fill", first.colour);
        circle.setAttribute("data-event", first.id);
        title.textContent = first.type + " · " + (first.date || "undated") + " · " + (first.place || "") +
          (first.participants ? " · " + first.participants.toLocaleString() + " people" : "") +
          " · " + first.sources + " source(s)";
        circle.addEventListener("click", function () { window.location.href = "/events/" + encodeURIComponent(first.id); });
      } else {
        circle.setAttribute("class", "point group");
        title.textContent = n + " events" + (cell.crowd ? ", " + cell.crowd.toLocaleString() + " people in all" : "") +
          " — click to zoom in";
        circle.addEventListener("click", function () { zoom(2.5, x, y); });
        el("text", { x: x.toFixed(1), y: y.toFixed(1), class: "count" }, marks).textContent = String(n);
      }
    });
  }

  function drawTiles() {
    while (tiles.firstChild) tiles.removeChild(tiles.firstChild);
    box.classList.toggle("tiles", tilesBox.checked);
    if (!tilesBox.checked) return;
    const [w, h] = size();
    const z = Math.max(0, Math.min(18, Math.round(Math.log2(view.k))));
    const n = 2 ** z, unit = WORLD / n;
    const x0 = Math.max(0, Math.floor(-view.x / view.k / unit)), x1 = Math.min(n - 1, Math.floor((w - view.x) / view.k / unit));
    const y0 = Math.max(0, Math.floor(-view.y / view.k / unit)), y1 = Math.min(n - 1, Math.floor((h - view.y) / view.k / unit));
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES) return;
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        el("image", { href: box.dataset.tiles + "/" + z + "/" + x + "/" + y + ".png", x: x * unit, y: y * unit,
                      width: unit, height: unit, preserveAspectRatio: "none" }, tiles);
      }
    }
  }

  function redraw() {
    world.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + view.k + ")");
    drawTiles();
    drawPoints();
  }

  function zoom(factor, cx, cy) {
    const [w] = size();
    const k = Math.max(w / WORLD / 2, Math.min(view.k * factor, 2 ** 18));
    view.x = cx - (cx - view.x) * k / view.k;
    view.y = cy - (cy - view.y) * k / view.k;
    view.k = k;
    redraw();
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    const rect = svg.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", function (event) {
    if (event.target.getAttribute && event.target.getAttribute("class") &&
        event.target.getAttribute("class").indexOf("point") >= 0) return;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    svg.classList.add("dragging");
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) return;
    view.x = drag.vx + event.clientX - drag.x;
    view.y = drag.vy + event.clientY - drag.y;
    world.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + view.k + ")");
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    drag = null;
    svg.classList.remove("dragging");
    redraw();
  });
  tilesBox.addEventListener("change", drawTiles);
  document.getElementById("map-reset").addEventListener("click", function () { fit([0, 40, WORLD, 200]); });

  Promise.all([
    fetch(box.dataset.outlines).then(function (r) { return r.json(); }),
    fetch(box.dataset.points).then(function (r) { return r.json(); }),
  ]).then(function (loaded) {
    drawCountries(loaded[0]);
    points = loaded[1].features.map(function (f) {
      const p = f.properties;
      return { id: f.id, type: p.type, date: p.date, place: p.place, participants: p.participants,
               sources: p.sources, colour: p.colour, xy: project(f.geometry.coordinates[0], f.geometry.coordinates[1]) };
    });
    info.textContent = points.length.toLocaleString() + " events drawn";
    box.setAttribute("data-ready", "true");
    fitPoints();
  }).catch(function (error) { info.textContent = "The map could not be loaded: " + error; });
})();
