// The referral form saves itself as a draft while the referrer types, so a closed tab loses
// nothing, and re-checks the child's fit with the chosen offer whenever a deciding field changes.
// Without this script the form still works: the buttons save and send, and the page shows the check.
(function () {
    'use strict';
    var form = document.getElementById('referral-form');
    if (!form || !window.fetch) {
        return;
    }
    var status = document.getElementById('autosave-status');
    var draftId = document.getElementById('draftId');
    var eligibilityFields = ['interventionCode', 'birthDate', 'cpr', 'gender', 'concerns', 'specialSupportMeasure'];
    var saveTimer = null;
    var checkTimer = null;
    var saving = false;
    var saveAgain = false;

    function body() {
        return new URLSearchParams(new FormData(form));
    }

    function say(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function save() {
        saveTimer = null;
        if (saving) {
            saveAgain = true;
            return;
        }
        saving = true;
        say(status.getAttribute('data-saving') || '…');
        fetch(form.getAttribute('data-autosave'), {
            method: 'POST', body: body(), credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            return response.ok ? response.json() : Promise.reject(response.status);
        }).then(function (answer) {
            if (!draftId.value) {
                draftId.value = answer.id;
                // The address of the draft, so reopening the tab (or its history entry) finds it again.
                history.replaceState(null, '', form.getAttribute('data-edit') + answer.id + '/rediger');
            }
            var text = status.getAttribute('data-saved').replace('{0}', answer.savedAt);
            say(answer.notSaved.length ? text + ' ' + status.getAttribute('data-partly') : text);
        }).catch(function () {
            say(status.getAttribute('data-failed'));
        }).finally(function () {
            saving = false;
            if (saveAgain) {
                saveAgain = false;
                save();
            }
        });
    }

    function check() {
        var panel = document.getElementById('eligibility');
        fetch(form.getAttribute('data-eligibility'), {
            method: 'POST', body: body(), credentials: 'same-origin', headers: { 'Accept': 'text/html' }
        }).then(function (response) {
            return response.ok ? response.text() : Promise.reject(response.status);
        }).then(function (html) {
            var next = new DOMParser().parseFromString(html, 'text/html').getElementById('eligibility');
            if (next && panel) {
                panel.replaceWith(next);
                document.getElementById('send-referral').disabled = next.getAttribute('data-verdict') === 'EXCLUDED';
            }
        }).catch(function () { /* the check is shown again when the form is sent */ });
    }

    function changed(event) {
        var name = event.target && event.target.name;
        if (!name || name === '_csrf' || name === 'draftId') {
            return;
        }
        clearTimeout(saveTimer);
        saveTimer = setTimeout(save, 1200);
        if (eligibilityFields.indexOf(name) >= 0) {
            clearTimeout(checkTimer);
            checkTimer = setTimeout(check, event.type === 'change' ? 0 : 600);
        }
    }

    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    // Leaving the page with unsaved typing: save at once (the browser may still cancel it).
    window.addEventListener('pagehide', function () {
        if (saveTimer && !saving && navigator.sendBeacon) {
            clearTimeout(saveTimer);
            navigator.sendBeacon(form.getAttribute('data-autosave'), body());
        }
    });
    // Sending saves the form itself.
    form.addEventListener('submit', function () {
        clearTimeout(saveTimer);
        saveTimer = null;
    });
})();
