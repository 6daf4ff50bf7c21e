// The dashboard's "Print" button: printing needs a script, so the button stays hidden without one
// (the browser's own print command prints the same one-page report through the print stylesheet).
(function () {
    'use strict';
    var button = document.getElementById('print-report');
    if (!button || typeof window.print !== 'function') {
        return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
        window.print();
    });
})();
