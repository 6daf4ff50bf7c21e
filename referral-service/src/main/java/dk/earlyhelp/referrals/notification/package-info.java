/**
 * Tells referrers of their referrals' news (closed loop): a notification in the portal and an
 * e-mail for each change, made from this service's own {@code referral.updated.v1} events so none
 * is lost or doubled. E-mails name neither the child nor anything about them.
 */
package dk.earlyhelp.referrals.notification;
