/** HTTP API of checklists, questionnaires and reminders. */
package dk.earlyhelp.measurement.questionnaire.web;
