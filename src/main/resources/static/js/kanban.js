// Kanban board: cards are dragged between stage columns with SortableJS; a drop posts the move through htmx
// (so app.js adds the CSRF header) and the server answers with the whole board, totals included.
(function () {
  if (window.rapportKanban) { return; }
  window.rapportKanban = true;

  function init(root) {
    var board = root && root.id === 'board' ? root : document.getElementById('board');
    if (!board || board.dataset.writable !== 'true' || typeof Sortable === 'undefined') { return; }
    board.querySelectorAll('.kanban-cards').forEach(function (list) {
      if (list.dataset.sortable) { return; }
      list.dataset.sortable = 'true';
      Sortable.create(list, {
        group: 'deals',
        animation: 150,
        draggable: '.kanban-card',
        onEnd: function (event) {
          if (event.from === event.to) { return; }
          htmx.ajax('POST', board.dataset.moveUrl, {
            target: '#board',
            swap: 'outerHTML',
            values: { dealId: event.item.dataset.dealId, stageId: event.to.dataset.stageId }
          });
        }
      });
    });
  }

  htmx.onLoad(init);
  init(document.getElementById('board'));
})();
