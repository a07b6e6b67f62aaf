import { environmentScope } from './environment-scope.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import { gap, requestedInPassive } from './risk-vocabulary.js';

const securityControls =
  "(?:audit (?:logs?|logging|trails?)|(?:security|access|admin activity|cloudtrail|all) (?:logs?|logging)|cloudtrail|guardduty|security hub|mfa|2fa|two[- ]factor(?: authentication)?|multi[- ]factor(?: authentication)?|two[- ]step verification|firewalls?|waf|web application firewall|ids|ips|intrusion (?:detection|prevention)(?: systems?)?|antivirus|anti-virus|anti-malware|endpoint (?:protection|detection|security)|edr|xdr|crowdstrike|defender|sentinelone|security (?:monitoring|controls?|scanning|scans|alerts|alerting|agents?|policy|policies|patches|updates|camera|cameras|footage|checks?)|siem|dlp|data loss prevention|encryption(?: at rest| in transit)?|https enforcement|hsts|sso(?: enforcement)?|single sign-on|password (?:policy|policies|requirements|complexity|rotation)|account lockout|lockout policy|secret scanning|branch protection|code scanning|signature verification|certificate (?:validation|verification|pinning)|ssl verification|tls verification|rate limiting|rate limits|captcha|fraud (?:checks?|detection|screening|rules)|sanctions screening|kyc checks?|aml checks?|access reviews?|vpn requirement|conditional access|zero trust|least privilege|audit policy|tamper protection|ddos protection|bot protection)";

const disableVerbs =
  '(?:disable|disables|disabling|deactivate|deactivating|turn off|turning off|switch off|shut off|shut down|stop|stopping|remove|removing|uninstall|uninstalling|bypass|bypassing|circumvent|suspend|suspending|pause|pausing|kill|delete|deleting|purge|wipe|erase|clear|tamper with|weaken|relax|loosen|opt out of|get rid of|rip out|exempt (?:[a-z-]+ ){0,3}?from|exclude (?:[a-z-]+ ){0,3}?from|whitelist (?:[a-z-]+ ){0,3}?from|no longer (?:require|enforce|use)|stop (?:requiring|enforcing|using)|unenroll (?:[a-z-]+ ){0,3}?from)';

const namesControl = new RegExp(`\\b${securityControls}(?!\\w)`);
const disablesControl = new RegExp(`\\b${disableVerbs}\\b${gap(60)}\\b${securityControls}(?!\\w)`);
/** "get MFA turned off", "audit logging needs to be disabled". */
const controlOffInPassive = new RegExp(
  `\\b${securityControls}\\b[^|]{0,60}?(?:${requestedInPassive('turned off|switched off|disabled|deactivated|removed|bypassed|suspended|paused|stopped|deleted|wiped|relaxed|loosened|made optional')})|(?:${requestedInPassive('turned off|switched off|disabled|deactivated|removed|bypassed|suspended|paused|stopped|deleted|wiped|relaxed|loosened|made optional')})`,
);
const switchesControlOff = new RegExp(
  `\\b(?:turn|switch|shut|toggle|flip|set|make|mark)\\b${gap(40)}\\b${securityControls}\\b${gap(20)}\\b(?:off|to off|disabled|to disabled|false|to false|optional|to optional|inactive|permissive|to permissive|allow all|open)\\b`,
);

/**
 * Weakening security controls: disabling audit logging, MFA, firewalls, intrusion detection,
 * encryption and the like. P0; P1 when the change is confined to a non-production environment.
 */
export const securityControlRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  const whole = view.actionText;
  if (!disablesControl.test(whole) && !switchesControlOff.test(whole) && !controlOffInPassive.test(whole)) return findings;
  for (const clause of view.actionClauses) {
    const text = clause.text;
    const passive = controlOffInPassive.exec(text);
    const passiveOnControl = passive !== null && namesControl.test(passive[0]);
    if (!disablesControl.test(text) && !switchesControlOff.test(text) && !passiveOnControl) continue;
    if (environmentScope(text, view.actionText) === 'non-production') {
      findings.push({
        ruleId: 'risk.security.disable-control-nonproduction',
        grade: 'P1',
        categories: ['security-control', 'staging-change'],
        reason: 'weakens a security control outside production',
      });
    } else {
      findings.push({
        ruleId: 'risk.security.disable-control',
        grade: 'P0',
        categories: ['security-control'],
        reason: 'disables or weakens a security control',
      });
    }
  }
  return findings;
};
