// Keyboard and screen-reader gaps of PrimeFaces 15 widgets, closed on every screen.
(function () {
  // selectOneMenu builds its list of options on first opening, with no accessible name, and its
  // filter box controls a "_table" that does not exist. Once a list exists it is named after its
  // field and the filter points at it. A long list scrolls: the arrow keys on the field move through
  // it (aria-activedescendant), and its scrolling wrapper is focusable too, so it scrolls with the
  // keyboard however it is reached (axe: scrollable-region-focusable). The open list closes when
  // the focus leaves the field, so the wrapper adds no stop to the page's tab order.
  function nameLists() {
    document.querySelectorAll('.ui-selectonemenu-items[role="listbox"]:not([aria-label])').forEach(function (list) {
      var id = list.id.replace(/_items$/, '');
      var field = document.getElementById(id + '_label');
      list.setAttribute('aria-label', (field && field.getAttribute('aria-label')) || 'Options');
      var filter = document.getElementById(id + '_filter');
      if (filter) {
        filter.setAttribute('aria-controls', list.id);
      }
      if (list.parentNode && !list.parentNode.hasAttribute('tabindex')) {
        list.parentNode.setAttribute('tabindex', '0');
      }
    });
  }
  // textEditor names its outer box (the page gives it aria-label), but the focus goes to Quill's
  // editable area inside it, which has no role or name: it becomes a multi-line text box named
  // like its editor, so a screen reader says which section's text is being edited.
  function nameEditors() {
    document.querySelectorAll('.ui-texteditor[aria-label] .ql-editor:not([aria-label])').forEach(function (editable) {
      editable.setAttribute('role', 'textbox');
      editable.setAttribute('aria-multiline', 'true');
      editable.setAttribute('aria-label', editable.closest('.ui-texteditor').getAttribute('aria-label'));
    });
  }
  // textEditor (Quill) takes Tab to insert a tab character, so a keyboard user could not leave a
  // section's text. Tab and Shift+Tab are kept from it: the browser moves the focus, as from any field.
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && e.target.closest && e.target.closest('.ql-editor')) {
      e.stopPropagation();
    }
  }, true);
  // messages render each message as <li role="alert">, which is no longer a list item to a screen
  // reader, so its <ul> holds something other than items (axe: list). The alert moves to the
  // message box around the list, which is announced the same way.
  function fixMessages() {
    document.querySelectorAll('.ui-messages ul > li[role="alert"]').forEach(function (item) {
      var box = item.parentNode.parentNode;
      item.removeAttribute('role');
      item.removeAttribute('aria-atomic');
      if (box && !box.hasAttribute('role')) {
        box.setAttribute('role', 'alert');
        box.setAttribute('aria-atomic', 'true');
      }
    });
  }
  function fix() {
    nameLists();
    nameEditors();
    fixMessages();
  }
  document.addEventListener('DOMContentLoaded', function () {
    fix();
    new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  });
})();
