// Verktygslådan: the handbook's scripts, after Material's own.
//
// One file, for the same reason as verktygsladan.css: a phone on a slow
// connection fetches one script of ours instead of several. Each part is
// self-contained and does nothing on a page without its elements:
//   0. ZIP archives, read and written (parts 1 and 4 use them)
//   1. Checklists on method pages: named plans, progress, clearing, Excel export
//   2. Metodväljare, the method finder
//   3. Wide tables
//   4. Every file of a method, or of the toolbox, as one ZIP file

// ==== 0. ZIP archives ====

// Office files are ZIP archives, and the site offers no ZIP file of its own:
// the browser packs one from the files themselves (part 4). Only what both
// need: the CRC-32 checksum, reading a central directory, writing an archive.
var zipArchive = (function () {
  "use strict";

  var crcTable = null;

  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (var n = 0; n < 256; n += 1) {
        var c = n;
        for (var k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  // The entries of a ZIP archive, read from its central directory. Each keeps
  // its compressed bytes, so that the entries left unchanged are copied as they are.
  function readZip(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var end = -1;
    for (var at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
      if (view.getUint32(at, true) === 0x06054b50) { end = at; break; }
    }
    if (end < 0) throw new Error("not a ZIP archive");
    var count = view.getUint16(end + 10, true);
    var offset = view.getUint32(end + 16, true);
    if (count === 0xffff || offset === 0xffffffff) throw new Error("ZIP64 is not supported");
    var entries = [];
    for (var index = 0; index < count; index += 1) {
      if (view.getUint32(offset, true) !== 0x02014b50) throw new Error("damaged central directory");
      var nameLength = view.getUint16(offset + 28, true);
      var local = view.getUint32(offset + 42, true);
      if (view.getUint32(local, true) !== 0x04034b50) throw new Error("damaged local header");
      var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      var nameBytes = bytes.slice(offset + 46, offset + 46 + nameLength);
      var compressedSize = view.getUint32(offset + 20, true);
      entries.push({
        name: new TextDecoder().decode(nameBytes),
        nameBytes: nameBytes,
        flags: view.getUint16(offset + 8, true),
        method: view.getUint16(offset + 10, true),
        time: view.getUint16(offset + 12, true),
        date: view.getUint16(offset + 14, true),
        crc: view.getUint32(offset + 16, true),
        size: view.getUint32(offset + 24, true),
        data: bytes.subarray(start, start + compressedSize)
      });
      offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    }
    return entries;
  }

  // The fields the local header and the central directory share, in the same order, from
  // "version needed" (offset 4 in the one, 6 in the other) to the name's length; the extra
  // field's length after it stays 0 (a new DataView is all zeros).
  function writeEntryFields(view, at, entry, flags) {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, flags, true);
    view.setUint16(at + 4, entry.method, true);
    view.setUint16(at + 6, entry.time, true);
    view.setUint16(at + 8, entry.date, true);
    view.setUint32(at + 10, entry.crc, true);
    view.setUint32(at + 14, entry.data.length, true);
    view.setUint32(at + 18, entry.size, true);
    view.setUint16(at + 22, entry.nameBytes.length, true);
  }

  // A new archive, entries in the same order. Changed entries are stored
  // uncompressed, which every office program reads.
  function writeZip(entries, type) {
    var parts = [];
    var directory = [];
    var offset = 0;
    entries.forEach(function (entry) {
      // Bit 3 (sizes after the data) is cleared: the sizes are written in the header.
      var flags = entry.flags & 0x0800;
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true);
      writeEntryFields(local, 4, entry, flags);
      var central = new DataView(new ArrayBuffer(46));
      central.setUint32(0, 0x02014b50, true);
      central.setUint16(4, 20, true);
      writeEntryFields(central, 6, entry, flags);
      central.setUint32(42, offset, true);
      parts.push(local.buffer, entry.nameBytes, entry.data);
      directory.push(central.buffer, entry.nameBytes);
      offset += 30 + entry.nameBytes.length + entry.data.length;
    });
    var directorySize = directory.reduce(function (sum, part) { return sum + part.byteLength; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true);
    end.setUint16(8, entries.length, true);
    end.setUint16(10, entries.length, true);
    end.setUint32(12, directorySize, true);
    end.setUint32(16, offset, true);
    return new Blob(parts.concat(directory, [end.buffer]), { type: type });
  }

  return { crc32: crc32, read: readZip, write: writeZip };
})();

// ==== 1. Checklists on method pages ====

// Checklists on method pages are server-rendered checkboxes that work on
// their own. This adds what needs JavaScript: named plans (one saved list
// per plan or project), a progress count that screen readers hear, clearing
// after a question, ticked rows that stand out, and the checklist's Excel
// file with the ticks filled in. Everything is kept in this browser
// (localStorage only: nothing leaves the reader's computer, no cookies).
// All controls are created here, so a reader without JavaScript never sees
// controls that would do nothing.
(function () {
  "use strict";

  // Before plans there was one list per checklist, under this prefix and the
  // checklist's id; the plans live under the same name plus PLANS_SUFFIX.
  var STORAGE_PREFIX = "verktygsladan.checklista.";
  var PLANS_SUFFIX = ".planer";
  var FIRST_PLAN = "Min lista";
  // The first plan has a fixed id, so that a tab without anything saved and a
  // tab that saved it first mean the same plan.
  var FIRST_PLAN_ID = "min-lista";
  var NAME_LIMIT = 80;
  var DONE_CLASS = "vl-checklist__item--done";

  // Storage can be switched off or full (private windows, strict settings);
  // the checklist must still work, only without remembering.
  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = STORAGE_PREFIX + "test";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function parse(text) {
    try {
      return JSON.parse(text || "null");
    } catch (error) {
      return null;
    }
  }

  function strings(value) {
    return Array.isArray(value) ? value.filter(function (item) { return typeof item === "string"; }) : [];
  }

  function newPlanId() {
    return "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 7);
  }

  function sameName(a, b) {
    return a.trim().toLocaleLowerCase("sv") === b.trim().toLocaleLowerCase("sv");
  }

  // "Min lista", or "Min lista (2)" when a plan already has that name.
  function freeName(plans, wanted) {
    var name = wanted;
    for (var number = 2; plans.some(function (plan) { return sameName(plan.name, name); }); number += 1) {
      name = wanted + " (" + number + ")";
    }
    return name;
  }

  function firstState() {
    return { current: FIRST_PLAN_ID, plans: [{ id: FIRST_PLAN_ID, name: FIRST_PLAN, checked: [] }] };
  }

  // Whatever is stored may come from an older script or be damaged by hand;
  // only well-formed plans are kept.
  function cleanState(value) {
    if (!value || !Array.isArray(value.plans)) return null;
    var seen = {};
    var plans = [];
    value.plans.forEach(function (plan) {
      if (!plan || typeof plan.id !== "string" || !plan.id || seen[plan.id]) return;
      if (typeof plan.name !== "string" || !plan.name.trim()) return;
      seen[plan.id] = true;
      plans.push({ id: plan.id, name: plan.name.trim().slice(0, NAME_LIMIT), checked: strings(plan.checked) });
    });
    if (!plans.length) return null;
    return { current: seen[value.current] ? value.current : plans[0].id, plans: plans };
  }

  function copyState(state) {
    return {
      current: state.current,
      plans: state.plans.map(function (plan) {
        return { id: plan.id, name: plan.name, checked: plan.checked.slice() };
      })
    };
  }

  // The plans of one checklist: in localStorage when there is one, otherwise
  // in memory for as long as the page is open.
  function planStore(storage, checklistId) {
    var key = STORAGE_PREFIX + checklistId + PLANS_SUFFIX;
    var oldKey = STORAGE_PREFIX + checklistId;
    var memory = firstState();

    function write(state) {
      if (!storage) {
        memory = copyState(state);
        return true;
      }
      var untouched = state.plans.length === 1 && state.plans[0].name === FIRST_PLAN && !state.plans[0].checked.length;
      try {
        if (untouched) {
          // Nothing ticked is the default, so leave nothing behind.
          storage.removeItem(key);
        } else {
          storage.setItem(key, JSON.stringify({ version: 1, current: state.current, plans: state.plans }));
        }
        return true;
      } catch (error) {
        // A full storage loses the state, never the checklist.
        return false;
      }
    }

    function read() {
      if (!storage) return copyState(memory);
      var state = cleanState(parse(storage.getItem(key)));
      var old = parse(storage.getItem(oldKey));
      if (Array.isArray(old)) {
        var checked = strings(old);
        if (checked.length) {
          // A list saved before plans existed becomes a plan of its own, so no tick is lost.
          var plans = state ? state.plans : [];
          var plan = { id: state ? newPlanId() : FIRST_PLAN_ID, name: freeName(plans, FIRST_PLAN), checked: checked };
          state = state || { current: plan.id, plans: [] };
          state.plans.push(plan);
          // The old list goes only once the plan is safely saved.
          if (!write(state)) return state;
        }
        try { storage.removeItem(oldKey); } catch (error) { /* it is read again next time */ }
      }
      return state || firstState();
    }

    return { key: key, oldKey: oldKey, read: read, write: write };
  }

  // ---- The Excel file with the ticks filled in ----

  var XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  var MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
  var XML_NS = "http://www.w3.org/XML/1998/namespace";
  // The words of the checklist's Excel file (verktygsladan/downloads/xlsx_writer.py).
  var DONE_STATUS = "Klar";
  var STATUS_HEADER = "status";
  var ITEM_HEADER = "punkt";
  var NUMBER_HEADER = "nr";
  var PLAN_LABEL = /^plan eller projekt\s*:?$/;
  // The elements that may follow <mergeCells> in a worksheet, in the order the format requires.
  var AFTER_MERGE_CELLS = ["phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions",
    "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
    "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst"];

  function canExport() {
    try {
      new DecompressionStream("deflate-raw");
      return typeof fetch === "function" && typeof DOMParser === "function" && typeof XMLSerializer === "function" &&
        typeof TextEncoder === "function" && typeof URL.createObjectURL === "function";
    } catch (error) {
      return false;
    }
  }

  function unpack(entry) {
    if (entry.method === 0) return Promise.resolve(entry.data);
    if (entry.method !== 8) return Promise.reject(new Error("unknown compression in " + entry.name));
    var stream = new Blob([entry.data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }

  function replaceEntry(entries, name, text) {
    var data = new TextEncoder().encode(text);
    entries.forEach(function (entry, index) {
      if (entry.name !== name) return;
      entries[index] = { name: entry.name, nameBytes: entry.nameBytes, flags: entry.flags, method: 0,
        time: entry.time, date: entry.date, crc: zipArchive.crc32(data), size: data.length, data: data };
    });
  }

  function elements(parent, name) {
    return Array.prototype.slice.call(parent.getElementsByTagNameNS(MAIN_NS, name));
  }

  function childElements(parent, name) {
    return Array.prototype.filter.call(parent.childNodes, function (node) {
      return node.nodeType === 1 && node.namespaceURI === MAIN_NS && node.localName === name;
    });
  }

  function normalise(text) {
    return (text || "").normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("sv");
  }

  // "xl/worksheets/sheet1.xml" from a relationship target and the folder of the part that names it.
  function resolvePart(folder, target) {
    var path = target.charAt(0) === "/" ? target.slice(1) : folder + target;
    var parts = [];
    path.split("/").forEach(function (part) {
      if (part === "..") parts.pop();
      else if (part && part !== ".") parts.push(part);
    });
    return parts.join("/");
  }

  function columnNumber(reference) {
    var letters = /^[A-Z]+/.exec(reference || "");
    if (!letters) return 0;
    return letters[0].split("").reduce(function (sum, letter) { return sum * 26 + letter.charCodeAt(0) - 64; }, 0);
  }

  function columnName(number) {
    var name = "";
    for (; number > 0; number = Math.floor((number - 1) / 26)) name = String.fromCharCode(65 + (number - 1) % 26) + name;
    return name;
  }

  // The cells of a row by column number; a cell without a reference follows the one before it.
  function cellsOf(row) {
    var cells = {};
    var column = 0;
    childElements(row, "c").forEach(function (cell) {
      column = columnNumber(cell.getAttribute("r")) || column + 1;
      cells[column] = cell;
    });
    return cells;
  }

  function rowNumbers(rows) {
    var number = 0;
    return rows.map(function (row) {
      number = parseInt(row.getAttribute("r"), 10) || number + 1;
      return number;
    });
  }

  function textOf(runs) {
    // Phonetic guides (<rPh>) are not part of the text.
    return runs.filter(function (t) { return t.parentNode.localName !== "rPh"; })
      .map(function (t) { return t.textContent; }).join("");
  }

  function cellText(cell, shared) {
    if (!cell) return "";
    var type = cell.getAttribute("t");
    if (type === "inlineStr") return textOf(elements(cell, "t"));
    var value = childElements(cell, "v")[0];
    if (!value) return "";
    return type === "s" ? shared[parseInt(value.textContent, 10)] || "" : value.textContent;
  }

  function create(doc, near, name) {
    return doc.createElementNS(MAIN_NS, near.prefix ? near.prefix + ":" + name : name);
  }

  // Inline strings: the workbook's shared strings stay as they are.
  function setText(doc, cell, text) {
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    cell.setAttribute("t", "inlineStr");
    var inline = create(doc, cell, "is");
    var run = create(doc, cell, "t");
    if (/^\s|\s$/.test(text)) run.setAttributeNS(XML_NS, "xml:space", "preserve");
    run.textContent = text;
    inline.appendChild(run);
    cell.appendChild(inline);
  }

  // The cell in a row and column, added in its place when the row has none.
  function cellAt(doc, row, rowNumber, column, style) {
    var cells = cellsOf(row);
    if (cells[column]) return cells[column];
    var cell = create(doc, row, "c");
    cell.setAttribute("r", columnName(column) + rowNumber);
    if (style) cell.setAttribute("s", style);
    var after = Object.keys(cells).map(Number).sort(function (a, b) { return a - b; })
      .filter(function (number) { return number > column; })[0];
    row.insertBefore(cell, after ? cells[after] : null);
    return cell;
  }

  // The checklist table: the row whose cells say "Status" and "Punkt", and the
  // rows under it that have an item. Columns are found by their header text,
  // never by their letter, so the file may gain or move columns.
  function findTable(sheet, shared) {
    var rows = elements(sheet, "row");
    var numbers = rowNumbers(rows);
    for (var index = 0; index < rows.length; index += 1) {
      var columns = {};
      var cells = cellsOf(rows[index]);
      Object.keys(cells).forEach(function (column) {
        var header = normalise(cellText(cells[column], shared));
        if (!(header in columns)) columns[header] = Number(column);
      });
      if (!columns[STATUS_HEADER] || !columns[ITEM_HEADER]) continue;
      var items = [];
      for (var below = index + 1; below < rows.length; below += 1) {
        var rowCells = cellsOf(rows[below]);
        var text = normalise(cellText(rowCells[columns[ITEM_HEADER]], shared));
        if (!text) continue;
        items.push({ row: rows[below], number: numbers[below], text: text,
          nr: columns[NUMBER_HEADER] ? normalise(cellText(rowCells[columns[NUMBER_HEADER]], shared)) : "",
          style: rowCells[columns[ITEM_HEADER]].getAttribute("s") });
      }
      return { rows: rows, numbers: numbers, index: index, columns: columns, items: items };
    }
    return null;
  }

  // Each item on the page finds its row by its text first; then by its number
  // in "Nr" (an organisation's own items carry its name in the file's text);
  // then, if the file has exactly the page's items, by their order.
  function matchRows(table, items) {
    var free = table.items.slice();
    function take(row) {
      free.splice(free.indexOf(row), 1);
      return row;
    }
    var found = items.map(function (item) {
      var text = normalise(item.text);
      var same = free.filter(function (row) { return row.text === text; });
      var byNumber = function (row) { return row.nr === String(item.number); };
      if (same.length) return take(same.filter(byNumber)[0] || same[0]);
      return null;
    });
    found = found.map(function (row, index) {
      if (row) return row;
      var item = items[index];
      var text = normalise(item.text);
      var ending = free.filter(function (candidate) {
        return text && candidate.text.slice(-text.length - 2) === ": " + text;
      })[0];
      if (ending) return take(ending);
      var numbered = free.filter(function (candidate) { return candidate.nr === String(item.number); })[0];
      return numbered ? take(numbered) : null;
    });
    if (table.items.length === items.length) {
      found = found.map(function (row, index) {
        var byOrder = table.items[index];
        return row || (free.indexOf(byOrder) !== -1 ? take(byOrder) : null);
      });
    }
    return found;
  }

  function mergeCells(doc, sheet, reference) {
    var merges = elements(sheet, "mergeCells")[0];
    if (!merges) {
      merges = create(doc, sheet.documentElement, "mergeCells");
      var next = Array.prototype.filter.call(sheet.documentElement.childNodes, function (node) {
        return node.nodeType === 1 && AFTER_MERGE_CELLS.indexOf(node.localName) !== -1;
      })[0];
      sheet.documentElement.insertBefore(merges, next || null);
    }
    var merge = create(doc, merges, "mergeCell");
    merge.setAttribute("ref", reference);
    merges.appendChild(merge);
    merges.setAttribute("count", String(childElements(merges, "mergeCell").length));
  }

  function rowIsFree(sheet, row, rowNumber, shared) {
    var cells = row ? cellsOf(row) : {};
    if (Object.keys(cells).some(function (column) { return cellText(cells[column], shared); })) return false;
    return !elements(sheet, "mergeCell").some(function (merge) {
      var rows = (merge.getAttribute("ref") || "").match(/\d+/g) || [];
      return rows.length === 2 && Number(rows[0]) <= rowNumber && rowNumber <= Number(rows[1]);
    });
  }

  // The plan's name goes next to a "Plan eller projekt" label if the file has
  // one; otherwise on the empty line above the table; otherwise after the title.
  function writePlanName(doc, sheet, table, shared, planName) {
    var rows = table.rows;
    var numbers = table.numbers;
    for (var index = 0; index < rows.length; index += 1) {
      var cells = cellsOf(rows[index]);
      var labels = Object.keys(cells).filter(function (column) {
        return PLAN_LABEL.test(normalise(cellText(cells[column], shared)));
      });
      if (labels.length) {
        var label = cells[labels[0]];
        setText(doc, cellAt(doc, rows[index], numbers[index], Number(labels[0]) + 1, label.getAttribute("s")), planName);
        return;
      }
    }
    var headerNumber = numbers[table.index];
    var aboveIndex = numbers.indexOf(headerNumber - 1);
    var above = aboveIndex === -1 ? null : rows[aboveIndex];
    var lastColumn = Math.max.apply(null, Object.keys(cellsOf(rows[table.index])).map(Number));
    if (headerNumber > 1 && rowIsFree(sheet, above, headerNumber - 1, shared)) {
      if (!above) {
        above = create(doc, rows[table.index], "row");
        above.setAttribute("r", String(headerNumber - 1));
        rows[table.index].parentNode.insertBefore(above, rows[table.index]);
      }
      var nearest = null;
      for (var up = table.index - 1; up >= 0 && !nearest; up -= 1) {
        var first = cellsOf(rows[up])[1];
        if (cellText(first, shared)) nearest = first;
      }
      var cell = cellAt(doc, above, headerNumber - 1, 1, nearest && nearest.getAttribute("s"));
      setText(doc, cell, "Plan eller projekt: " + planName);
      if (lastColumn > 1) mergeCells(doc, sheet, "A" + (headerNumber - 1) + ":" + columnName(lastColumn) + (headerNumber - 1));
      return;
    }
    for (var top = 0; top < table.index; top += 1) {
      var title = cellsOf(rows[top])[1];
      var text = cellText(title, shared);
      if (text) {
        setText(doc, title, text + " – " + planName);
        return;
      }
    }
  }

  function relationships(doc) {
    var targets = {};
    Array.prototype.forEach.call(doc.getElementsByTagNameNS(PACKAGE_NS, "Relationship"), function (relation) {
      targets[relation.getAttribute("Id")] = { type: relation.getAttribute("Type") || "",
        target: relation.getAttribute("Target") || "" };
    });
    return targets;
  }

  function typed(targets, suffix) {
    return Object.keys(targets).map(function (id) { return targets[id]; })
      .filter(function (relation) { return relation.type.slice(-suffix.length) === suffix; })[0];
  }

  // The checklist's workbook with "Klar" in the status of every ticked item and
  // the plan's name written in. items: [{number, text, checked}] in page order.
  function fillWorkbook(buffer, items, planName) {
    var entries = zipArchive.read(new Uint8Array(buffer));
    var byName = {};
    entries.forEach(function (entry) { byName[entry.name] = entry; });
    var parser = new DOMParser();
    function xml(name) {
      var entry = byName[name];
      if (!entry) return Promise.resolve(null);
      return unpack(entry).then(function (bytes) {
        var doc = parser.parseFromString(new TextDecoder().decode(bytes), "application/xml");
        if (doc.getElementsByTagName("parsererror").length) throw new Error("unreadable XML in " + name);
        return doc;
      });
    }
    function relationsOf(part) {
      var slash = part.lastIndexOf("/");
      return xml(part.slice(0, slash + 1) + "_rels/" + part.slice(slash + 1) + ".rels")
        .then(function (doc) { return doc ? relationships(doc) : {}; });
    }

    var workbookPath;
    var workbookRelations;
    var shared = [];
    return relationsOf("").then(function (root) {
      var office = typed(root, "/officeDocument");
      workbookPath = office ? resolvePart("", office.target) : "xl/workbook.xml";
      return relationsOf(workbookPath);
    }).then(function (relations) {
      workbookRelations = relations;
      var strings = typed(relations, "/sharedStrings");
      var folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
      return strings ? xml(resolvePart(folder, strings.target)) : null;
    }).then(function (strings) {
      if (strings) shared = elements(strings, "si").map(function (si) { return textOf(elements(si, "t")); });
      return xml(workbookPath);
    }).then(function (workbook) {
      var folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
      var sheets = elements(workbook, "sheet").map(function (sheet) {
        var relation = workbookRelations[sheet.getAttributeNS(RELATIONSHIP_NS, "id")];
        return relation ? resolvePart(folder, relation.target) : null;
      }).filter(Boolean);
      // The checklist is on the first sheet with its table, whatever the sheet is called.
      function next(index) {
        if (index >= sheets.length) throw new Error("no checklist table in the workbook");
        return xml(sheets[index]).then(function (sheet) {
          var table = sheet && findTable(sheet, shared);
          return table ? { path: sheets[index], sheet: sheet, table: table } : next(index + 1);
        });
      }
      return next(0);
    }).then(function (found) {
      var doc = found.sheet;
      var table = found.table;
      var rows = matchRows(table, items);
      var done = 0;
      var missing = 0;
      items.forEach(function (item, index) {
        if (!item.checked) return;
        var row = rows[index];
        if (!row) {
          missing += 1;
          return;
        }
        setText(doc, cellAt(doc, row.row, row.number, table.columns[STATUS_HEADER], row.style), DONE_STATUS);
        done += 1;
      });
      if (planName) writePlanName(doc, doc, table, shared, planName);
      // Some browsers' serializers leave out the declaration that Excel's own files carry.
      var sheetXml = new XMLSerializer().serializeToString(doc).replace(/^<\?xml[^>]*\?>\s*/, "");
      replaceEntry(entries, found.path, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + sheetXml);
      return { blob: zipArchive.write(entries, XLSX_TYPE), done: done, missing: missing };
    });
  }

  // "checklista-x-dp-norra-centrum.xlsx": letters and digits only, so that every
  // operating system and e-mail program keeps the name as it is.
  function fileName(checklistId, planName) {
    var plan = planName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
    return checklistId + (plan ? "-" + plan : "") + ".xlsx";
  }

  // The file the page itself links to, when data-vl-excel names it from the
  // page's Markdown folder rather than from the page's address.
  function excelUrl(fieldset) {
    var path = fieldset.getAttribute("data-vl-excel");
    var linked = Array.prototype.filter.call(document.querySelectorAll("a[href]"), function (link) {
      var url = new URL(link.href, document.baseURI);
      try {
        return url.origin === location.origin && decodeURI(url.pathname).slice(-path.length - 1) === "/" + path;
      } catch (error) {
        return false;
      }
    })[0];
    return linked ? new URL(linked.href, document.baseURI).href : new URL(path, document.baseURI).href;
  }

  function saveBlob(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the file only after the click has returned.
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  // ---- The checklist on the page ----

  var uniqueNumber = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function button(text, className) {
    var node = element("button", "vl-checklist__button" + (className ? " " + className : ""), text);
    node.type = "button";
    return node;
  }

  function enhance(fieldset, storage) {
    var checklistId = fieldset.getAttribute("data-vl-checklist");
    var store = planStore(storage, checklistId);
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type='checkbox']"));
    var legend = fieldset.querySelector("legend");
    var base = "vl-plan-" + checklistId + "-" + (uniqueNumber += 1);
    var state = store.read();
    var selected = state.current;
    var shownPlans = "";
    var openPanel = null;

    // Several checklists on a page each have the same buttons; the title tells them apart.
    function describe(control, extra) {
      var ids = [legend && legend.id, extra].filter(Boolean).join(" ");
      if (ids) control.setAttribute("aria-describedby", ids);
      return control;
    }

    // The plans, before the items: which plan the ticks belong to comes first.
    var plans = element("div", "vl-checklist__plans");
    var bar = element("div", "vl-checklist__plan-bar");
    var choice = element("div", "vl-checklist__plan-choice");
    var chooserLabel = element("label", "vl-checklist__plan-label", "Plan eller projekt");
    var chooser = element("select", "vl-checklist__plan-select");
    chooser.id = base;
    chooserLabel.htmlFor = chooser.id;
    var hint = element("p", "vl-checklist__hint", storage
      ? "Bockarna sparas bara i den här webbläsaren, en lista för varje plan eller projekt."
      : "Den här webbläsaren sparar inte bockarna. De finns kvar tills du lämnar sidan.");
    hint.id = base + "-tips";
    describe(chooser, hint.id);
    choice.appendChild(chooserLabel);
    choice.appendChild(chooser);
    var actions = element("div", "vl-checklist__actions");
    var newPlan = describe(button("Ny plan"));
    var renamePlan = describe(button("Byt namn"));
    var deletePlan = describe(button("Ta bort plan"));
    [newPlan, renamePlan, deletePlan].forEach(function (control) { actions.appendChild(control); });
    var planMessage = element("p", "vl-checklist__message");
    planMessage.setAttribute("role", "status");
    // On paper the plan's name is text; the controls are left out.
    var printedPlan = element("p", "vl-checklist__printed-plan");
    bar.appendChild(choice);
    bar.appendChild(actions);
    [bar, hint, planMessage, printedPlan].forEach(function (part) { plans.appendChild(part); });
    fieldset.insertBefore(plans, legend ? legend.nextSibling : fieldset.firstChild);

    var status = element("div", "vl-checklist__status");
    var progress = element("p", "vl-checklist__progress");
    progress.setAttribute("aria-live", "polite");
    progress.setAttribute("aria-atomic", "true");
    var reset = describe(button("Rensa", "vl-checklist__reset"));
    status.appendChild(progress);
    status.appendChild(reset);
    var exporter = null;
    if (fieldset.getAttribute("data-vl-excel") && canExport()) {
      exporter = describe(button("Ladda ned som Excel med bockarna ifyllda", "vl-checklist__export"));
      status.appendChild(exporter);
    }
    var statusMessage = element("p", "vl-checklist__message");
    statusMessage.setAttribute("role", "status");
    fieldset.appendChild(status);
    fieldset.appendChild(statusMessage);

    function plan() {
      return state.plans.filter(function (candidate) { return candidate.id === selected; })[0] || state.plans[0];
    }

    function checkedIds() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.id; });
    }

    function showTicks() {
      boxes.forEach(function (box) {
        var item = box.closest("li");
        if (item) item.classList.toggle(DONE_CLASS, box.checked);
      });
      progress.textContent = checkedIds().length + " av " + boxes.length + " klara";
    }

    function render() {
      var current = plan();
      selected = current.id;
      var wanted = state.plans.map(function (candidate) { return candidate.id + "\n" + candidate.name; }).join("\n");
      if (shownPlans !== wanted) {
        chooser.textContent = "";
        state.plans.forEach(function (candidate) {
          chooser.appendChild(new Option(candidate.name, candidate.id));
        });
        shownPlans = wanted;
      }
      chooser.value = selected;
      printedPlan.textContent = "Plan eller projekt: " + current.name;
      boxes.forEach(function (box) { box.checked = current.checked.indexOf(box.id) !== -1; });
      showTicks();
    }

    // Every change starts from what is stored now, so a change made in another
    // tab in the meantime is kept.
    function change(edit) {
      state = store.read();
      if (!state.plans.some(function (candidate) { return candidate.id === selected; })) selected = state.current;
      edit(state);
      store.write(state);
    }

    function say(region, text) {
      // The same text twice would not be announced again; clearing first makes it new.
      region.textContent = "";
      setTimeout(function () { region.textContent = text; }, 50);
    }

    function closePanel(focusTarget) {
      if (!openPanel) return;
      var panel = openPanel;
      openPanel = null;
      panel.element.remove();
      if (panel.hides) panel.hides.hidden = false;
      if (focusTarget) focusTarget.focus();
    }

    // A question answered inline: focus moves to the question, so that a
    // screen reader reads it, and Tab reaches the answers. `hides` is the
    // button that asked, when it should give way to the answers.
    function ask(opener, after, hides, question, yes, onYes) {
      closePanel();
      var panel = element("div", "vl-checklist__panel vl-checklist__confirm");
      panel.setAttribute("role", "group");
      var text = element("p", "vl-checklist__question", question);
      text.id = base + "-fraga";
      text.tabIndex = -1;
      panel.setAttribute("aria-labelledby", text.id);
      var confirm = button(yes, "vl-checklist__button--confirm");
      var cancel = button("Avbryt");
      var buttons = element("div", "vl-checklist__actions");
      buttons.appendChild(confirm);
      buttons.appendChild(cancel);
      panel.appendChild(text);
      panel.appendChild(buttons);
      after.parentNode.insertBefore(panel, after.nextSibling);
      if (hides) hides.hidden = true;
      openPanel = { element: panel, hides: hides };
      confirm.addEventListener("click", function () {
        closePanel();
        onYes();
      });
      cancel.addEventListener("click", function () { closePanel(opener); });
      panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.preventDefault();
          closePanel(opener);
        }
      });
      text.focus();
    }

    // The name of a new plan, or a new name for the chosen one.
    function askName(opener, heading, initial, submitText, renamed, onName) {
      closePanel();
      var form = element("form", "vl-checklist__panel vl-checklist__name-form");
      form.noValidate = true;
      var label = element("label", "vl-checklist__plan-label", heading);
      var input = element("input", "vl-checklist__name-input");
      input.type = "text";
      input.id = base + "-namn";
      input.maxLength = NAME_LIMIT;
      input.autocomplete = "off";
      input.value = initial;
      label.htmlFor = input.id;
      var example = element("p", "vl-checklist__hint", "Till exempel ”Dp Norra centrum”.");
      example.id = base + "-namn-tips";
      var error = element("p", "vl-checklist__error");
      error.id = base + "-namn-fel";
      error.setAttribute("role", "alert");
      input.setAttribute("aria-describedby", example.id + " " + error.id);
      var buttons = element("div", "vl-checklist__actions");
      var save = element("button", "vl-checklist__button vl-checklist__button--confirm", submitText);
      save.type = "submit";
      var cancel = button("Avbryt");
      buttons.appendChild(save);
      buttons.appendChild(cancel);
      [label, input, example, error, buttons].forEach(function (part) { form.appendChild(part); });
      bar.parentNode.insertBefore(form, bar.nextSibling);
      openPanel = { element: form, hides: null };
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var name = input.value.replace(/\s+/g, " ").trim();
        var others = store.read().plans.filter(function (candidate) { return candidate.id !== renamed; });
        var problem = !name ? "Skriv ett namn på planen eller projektet."
          : others.some(function (candidate) { return sameName(candidate.name, name); })
            ? "Det finns redan en plan som heter ”" + name + "”. Välj ett annat namn." : "";
        if (problem) {
          error.textContent = problem;
          input.setAttribute("aria-invalid", "true");
          input.focus();
          return;
        }
        closePanel();
        onName(name);
      });
      cancel.addEventListener("click", function () { closePanel(opener); });
      form.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.preventDefault();
          closePanel(opener);
        }
      });
      input.focus();
      input.select();
    }

    render();

    fieldset.addEventListener("change", function (event) {
      if (boxes.indexOf(event.target) === -1) return;
      change(function (saved) {
        var current = saved.plans.filter(function (candidate) { return candidate.id === selected; })[0] || saved.plans[0];
        current.checked = checkedIds();
        saved.current = current.id;
      });
      showTicks();
    });

    chooser.addEventListener("change", function () {
      closePanel();
      selected = chooser.value;
      change(function (saved) { saved.current = selected; });
      render();
    });

    newPlan.addEventListener("click", function () {
      askName(newPlan, "Namn på den nya planen eller projektet", "", "Skapa plan", null, function (name) {
        var id = newPlanId();
        change(function (saved) {
          saved.plans.push({ id: id, name: name, checked: [] });
          saved.current = id;
        });
        selected = id;
        render();
        chooser.focus();
        say(planMessage, "Planen ”" + name + "” är skapad. Inga punkter är bockade ännu.");
      });
    });

    renamePlan.addEventListener("click", function () {
      askName(renamePlan, "Nytt namn på planen eller projektet", plan().name, "Spara namnet", selected, function (name) {
        change(function (saved) {
          saved.plans.forEach(function (candidate) { if (candidate.id === selected) candidate.name = name; });
        });
        render();
        chooser.focus();
        say(planMessage, "Planen heter nu ”" + name + "”.");
      });
    });

    deletePlan.addEventListener("click", function () {
      var doomed = plan();
      var ticks = doomed.checked.length;
      var question = "Ta bort planen ”" + doomed.name + "”" +
        (ticks === 0 ? "" : ticks === 1 ? " och dess bock" : " och dess " + ticks + " bockar") + "?" +
        (state.plans.length === 1 ? " Kvar blir en tom lista med namnet ”" + FIRST_PLAN + "”." : "");
      ask(deletePlan, bar, null, question, "Ja, ta bort", function () {
        change(function (saved) {
          saved.plans = saved.plans.filter(function (candidate) { return candidate.id !== doomed.id; });
          if (!saved.plans.length) saved.plans = firstState().plans;
          saved.current = saved.plans[0].id;
        });
        selected = state.current;
        render();
        chooser.focus();
        say(planMessage, "Planen ”" + doomed.name + "” är borttagen. Nu visas ”" + plan().name + "”.");
      });
    });

    reset.addEventListener("click", function () {
      var count = checkedIds().length;
      if (!count) {
        say(statusMessage, "Inga punkter är bockade i ”" + plan().name + "”.");
        return;
      }
      var question = (count === 1 ? "Ta bort bocken" : "Ta bort alla " + count + " bockar") + " i ”" + plan().name + "”?";
      ask(reset, status, reset, question, "Ja, rensa", function () {
        change(function (saved) {
          saved.plans.forEach(function (candidate) { if (candidate.id === selected) candidate.checked = []; });
        });
        render();
        reset.focus();
      });
    });

    if (exporter) {
      exporter.addEventListener("click", function () {
        if (exporter.getAttribute("aria-disabled") === "true") return;
        var name = plan().name;
        var items = boxes.map(function (box) {
          var label = fieldset.querySelector("label[for='" + box.id + "']");
          var copy = label ? label.cloneNode(true) : document.createElement("span");
          // The level and the organisation's mark are columns or prefixes in the file.
          Array.prototype.forEach.call(copy.querySelectorAll(".vl-checklist__level, .vl-checklist__local"),
            function (part) { part.remove(); });
          return { number: Number(box.id.slice(box.id.lastIndexOf("-") + 1)), text: copy.textContent,
            checked: box.checked };
        });
        exporter.setAttribute("aria-disabled", "true");
        say(statusMessage, "Excel-filen fylls i …");
        fetch(excelUrl(fieldset), { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.arrayBuffer();
        }).then(function (buffer) {
          return fillWorkbook(buffer, items, name);
        }).then(function (result) {
          saveBlob(result.blob, fileName(checklistId, name));
          say(statusMessage, "Excel-filen för ”" + name + "” är nedladdad, med " + result.done + " punkter som Klar." +
            (result.missing ? " " + result.missing + " bockade punkter fanns inte i filen." : ""));
        }).catch(function () {
          say(statusMessage, "Det gick inte att fylla i Excel-filen. Ladda ned den tomma Excel-filen ovan " +
            "och fyll i den själv.");
        }).then(function () {
          exporter.removeAttribute("aria-disabled");
        });
      });
    }

    // The same checklist open in another tab stays in step.
    window.addEventListener("storage", function (event) {
      if (!storage || (event.storageArea && event.storageArea !== storage)) return;
      if (event.key !== store.key && event.key !== store.oldKey && event.key !== null) return;
      state = store.read();
      if (!state.plans.some(function (candidate) { return candidate.id === selected; })) selected = state.current;
      render();
    });
  }

  function enhanceAll() {
    var fieldsets = document.querySelectorAll("fieldset.vl-checklist[data-vl-checklist]");
    if (!fieldsets.length) return;
    var storage = openStorage();
    Array.prototype.forEach.call(fieldsets, function (fieldset) { enhance(fieldset, storage); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();

// ==== 2. Metodväljare, the method finder ====

// The method finder (Metodväljare). The server renders every method as a card
// whose data attributes hold its values (data-skede="planbesked genomforande"),
// and a form of checkboxes named the same way (hidden by a <noscript> style
// when JavaScript is off). This script hides the cards that do not match and
// keeps the choice in the query string, so a filtered view can be shared. Facet names, values and the count
// texts all come from the page: nothing here knows the vocabulary or the methods.
(function () {
  "use strict";

  function setUp(form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-vl-card]"));
    var status = document.querySelector("[data-vl-finder-status]");
    var empty = document.querySelector("[data-vl-finder-empty]");
    var heading = document.getElementById("metoder");
    var shownText = form.querySelector("[data-vl-finder-shown]");

    function chosen() {
      var byFacet = {};
      boxes.forEach(function (box) {
        if (box.checked) (byFacet[box.name] = byFacet[box.name] || []).push(box.value);
      });
      return byFacet;
    }

    // Within a facet any chosen value is enough (OR); every facet with a choice must match (AND).
    function matches(card, byFacet) {
      return Object.keys(byFacet).every(function (facet) {
        var values = (card.getAttribute("data-" + facet) || "").split(" ");
        return byFacet[facet].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }

    function writeUrl() {
      var query = new URLSearchParams();
      boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
      var search = query.toString();
      // replaceState: every click would otherwise fill the back button's history.
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    function update() {
      var byFacet = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, byFacet);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      arrange(cards.filter(function (card) { return !card.hidden; }));
      empty.hidden = shown !== 0;
      var count = status.getAttribute("data-text-some").replace("{shown}", String(shown));
      var text = shown === 0 ? status.getAttribute("data-text-none") : count;
      // Writing the same text again would make some screen readers repeat it.
      if (status.textContent !== text) status.textContent = text;
      if (shownText) shownText.textContent = count;
    }

    // "Börja med", "Därefter", "Parallellt med …" among the cards shown, by the rule of
    // verktygsladan/content/sequence.py (which also orders the cards the server writes; a
    // browser test compares the two): a method that a shown method comes before is
    // "Därefter"; one that feeds a shown method runs alongside it; the rest start.
    // The cards are moved, not just relabelled, so the reading and tab order follow.
    var orderTexts = document.querySelector("[data-vl-finder-order]");
    var container = cards.length ? cards[0].parentNode : null;

    function words(card, name) {
      return (card.getAttribute(name) || "").split(" ").filter(Boolean);
    }

    function byRank(a, b) {
      var first = a.getAttribute("data-vl-rank"), second = b.getAttribute("data-vl-rank");
      return first < second ? -1 : first > second ? 1 : 0;
    }

    function namesOf(slugs, bySlug) {
      var names = slugs.map(function (slug) { return bySlug[slug].getAttribute("data-vl-name"); });
      if (names.length < 2) return names.join("");
      return names.slice(0, -1).join(", ") + orderTexts.getAttribute("data-text-and") + names[names.length - 1];
    }

    function arrange(shownCards) {
      if (!orderTexts || !container) return;
      var bySlug = {};
      shownCards.forEach(function (card) { bySlug[card.getAttribute("data-vl-slug")] = card; });
      var present = function (slug) { return Object.prototype.hasOwnProperty.call(bySlug, slug); };
      var then = shownCards.filter(function (card) { return words(card, "data-vl-before").some(present); });
      var feeders = shownCards.filter(function (card) {
        return then.indexOf(card) === -1 && words(card, "data-vl-feeds").some(present);
      });
      var start = shownCards.filter(function (card) { return then.indexOf(card) === -1 && feeders.indexOf(card) === -1; });
      if (!start.length && !then.length) { start = feeders; feeders = []; }
      var placed = [];
      [[start, orderTexts.getAttribute("data-text-start")], [then, orderTexts.getAttribute("data-text-then")]]
        .forEach(function (group) {
          var members = group[0].slice().sort(byRank);
          if (!members.length) return;
          members.forEach(function (card) { placed.push([card, group[1]]); });
          var here = members.map(function (card) { return card.getAttribute("data-vl-slug"); });
          var alongside = {};
          feeders.forEach(function (card) {
            var targets = words(card, "data-vl-feeds").filter(function (slug) { return here.indexOf(slug) !== -1; });
            var key = targets.sort().join(" ");
            if (targets.length) (alongside[key] = alongside[key] || []).push(card);
          });
          Object.keys(alongside).sort().forEach(function (key) {
            var label = orderTexts.getAttribute("data-text-parallel").replace("{names}", namesOf(key.split(" "), bySlug));
            alongside[key].sort(byRank).forEach(function (card) { placed.push([card, label]); });
          });
        });
      // A method that only feeds methods which are themselves alongside another one.
      var rest = {};
      feeders.forEach(function (card) {
        if (placed.some(function (entry) { return entry[0] === card; })) return;
        var key = words(card, "data-vl-feeds").filter(present).sort().join(" ");
        (rest[key] = rest[key] || []).push(card);
      });
      Object.keys(rest).sort().forEach(function (key) {
        var label = orderTexts.getAttribute("data-text-parallel").replace("{names}", namesOf(key.split(" "), bySlug));
        rest[key].sort(byRank).forEach(function (card) { placed.push([card, label]); });
      });
      placed.forEach(function (entry) {
        var label = entry[0].querySelector("[data-vl-order]");
        if (label && label.textContent !== entry[1]) label.textContent = entry[1];
        container.appendChild(entry[0]);
      });
      // Hidden cards keep their place after the shown ones.
      cards.forEach(function (card) { if (card.hidden) container.appendChild(card); });
    }

    function restoreFromUrl() {
      var query = new URLSearchParams(location.search);
      boxes.forEach(function (box) { box.checked = query.getAll(box.name).indexOf(box.value) !== -1; });
    }

    form.addEventListener("change", function () {
      update();
      writeUrl();
    });
    // Nothing to send: the results are already on the page.
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.querySelectorAll("[data-vl-finder-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        update();
        writeUrl();
        // The empty-result button hides itself; give focus a place to land near the results.
        if (button.closest("[data-vl-finder-empty]") && heading) heading.focus();
      });
    });

    restoreFromUrl();
    update();
  }

  function start() {
    var form = document.querySelector("form[data-vl-finder]");
    if (form) setUp(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// ==== 3. Wide tables ====

// Material puts every table in a scroll container (.md-typeset__scrollwrap).
// On a narrow screen a wide table scrolls sideways, and a keyboard user can
// only scroll a container that can take focus (WCAG 2.1.1). So a container
// whose table is wider than itself becomes a focusable, named region; one
// whose table fits is left alone, so that it adds no empty tab stop.
(function () {
  var MARK = "data-vl-scrollable";

  function nameOf(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption) return "Tabell: " + caption.textContent.trim();
    // Otherwise the heading the table stands under.
    for (var node = wrap; node && node !== document.body; node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return "Tabell: " + before.textContent.trim();
      }
    }
    return "Tabell";
  }

  function update() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    // All widths are read before any attribute changes: a read after a change
    // would make the browser lay out the whole page again, once per table.
    var scrolling = wraps.map(function (wrap) { return wrap.scrollWidth > wrap.clientWidth; });
    wraps.forEach(function (wrap, index) {
      var scrolls = scrolling[index];
      if (scrolls && !wrap.hasAttribute(MARK)) {
        wrap.setAttribute(MARK, "");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", nameOf(wrap));
      } else if (!scrolls && wrap.hasAttribute(MARK)) {
        ["tabindex", "role", "aria-label", MARK].forEach(function (name) { wrap.removeAttribute(name); });
      }
    });
  }

  // Material wraps the tables while the page loads; the width changes when
  // the window does (or a phone turns).
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();

// ==== 4. Every file of a method, or of the toolbox, as one ZIP file ====

// The site stores each template and checklist once. A button "Ladda ned …
// som en ZIP-fil" lists the files it packs (data-vl-zip-files, paths under
// the methods' folder); the script fetches them from the links on the same
// page, so the addresses are the ones the reader could click, and packs them
// uncompressed (they are compressed already) into a ZIP whose entries carry
// the bundle's date. The toolbox's button (data-vl-zip-all) packs every
// method's bundle on the page, each in its own folder. Without JavaScript
// the buttons stay hidden and the files are listed one by one beside them.
(function () {
  "use strict";

  var ZIP_TYPE = "application/zip";

  function canPack() {
    return typeof fetch === "function" && typeof TextEncoder === "function" &&
      typeof URL.createObjectURL === "function" && typeof Uint8Array === "function";
  }

  // Where the page links to each file: the address that ends in the file's path.
  function linkedAddresses() {
    var found = {};
    Array.prototype.forEach.call(document.querySelectorAll("article a[href]"), function (link) {
      found[decodeURIComponent(new URL(link.href, document.baseURI).pathname)] = link.href;
    });
    return found;
  }

  function addressOf(path, linked) {
    var ending = "/" + path;
    for (var pathname in linked) {
      if (Object.prototype.hasOwnProperty.call(linked, pathname) &&
          pathname.slice(-ending.length) === ending) return linked[pathname];
    }
    return null;
  }

  // [{path, entry}] for a button: its own files, or every method's for the toolbox.
  function filesOf(button) {
    var buttons = button.hasAttribute("data-vl-zip-all")
      ? Array.prototype.slice.call(document.querySelectorAll("button[data-vl-zip-files]")) : [button];
    var files = [];
    buttons.forEach(function (source) {
      var folder = button === source ? "" : source.getAttribute("data-vl-zip-folder") + "/";
      source.getAttribute("data-vl-zip-files").split(" ").forEach(function (path) {
        if (path) files.push({ path: path, entry: folder + path.split("/").pop() });
      });
    });
    return files;
  }

  // MS-DOS date and time, as ZIP entries carry them: the bundle's day, at midnight.
  function dosDate(iso) {
    var parts = iso.split("-").map(Number);
    return ((Math.max(parts[0], 1980) - 1980) << 9) | (parts[1] << 5) | parts[2];
  }

  function pack(files, date) {
    var encoder = new TextEncoder();
    var entries = files.map(function (file) {
      var nameBytes = encoder.encode(file.entry);
      // Bit 11: the name is UTF-8.
      return { name: file.entry, nameBytes: nameBytes, flags: 0x0800, method: 0, time: 0, date: dosDate(date),
        crc: zipArchive.crc32(file.data), size: file.data.length, data: file.data };
    });
    return zipArchive.write(entries, ZIP_TYPE);
  }

  function save(blob, name) {
    var address = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = address;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(address); }, 60000);
  }

  function setUp(button) {
    var status = button.parentNode.querySelector(".vl-zip__status");
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") return;
      var files = filesOf(button);
      var linked = linkedAddresses();
      var missing = files.filter(function (file) { return !addressOf(file.path, linked); });
      if (!files.length || missing.length) {
        status.textContent = "Det gick inte att packa filerna. Ladda ned dem en och en i listan nedan.";
        return;
      }
      button.setAttribute("aria-disabled", "true");
      status.textContent = "Packar " + files.length + (files.length === 1 ? " fil …" : " filer …");
      Promise.all(files.map(function (file) {
        return fetch(addressOf(file.path, linked)).then(function (response) {
          if (!response.ok) throw new Error(file.path + ": " + response.status);
          return response.arrayBuffer();
        }).then(function (buffer) { file.data = new Uint8Array(buffer); });
      })).then(function () {
        var name = button.getAttribute("data-vl-zip");
        save(pack(files, button.getAttribute("data-vl-zip-date")), name);
        status.textContent = "Klart: " + name + " är nedladdad.";
      }).catch(function () {
        status.textContent = "Det gick inte att hämta alla filer. Försök igen, eller ladda ned dem en och en i " +
          "listan nedan.";
      }).then(function () {
        button.removeAttribute("aria-disabled");
      });
    });
    button.parentNode.hidden = false;
  }

  if (!canPack()) return;
  Array.prototype.forEach.call(document.querySelectorAll("button[data-vl-zip]"), setUp);
})();
