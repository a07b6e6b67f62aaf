import { environmentScope } from './environment-scope.js';
import type { EnvironmentScope } from './environment-scope.js';
import type { RiskFinding } from './risk-finding.js';
import type { RiskRule } from './risk-rule.js';
import type { RiskClause } from './risk-view.js';
import { productionEnvironment, requestedInPassive, verbAt } from './risk-vocabulary.js';

const changeVerbs =
  '(?:increase|decrease|scale|resize|upgrade|downgrade|update|change|modify|set|edit|configure|reconfigure|adjust|tweak|tune|restart|reboot|bounce|stop|start|shut down|shutdown|spin up|spin down|provision|deprovision|create|add|remove|migrate|run|execute|apply|rotate|renew|replace|point|repoint|switch|flip|enable|disable|turn on|turn off|toggle|roll back|rollback|revert|patch|install|uninstall|open|close|allow|block|whitelist|allowlist|blacklist|failover|fail over|decommission|terminate|kill|flush|clear|purge|reindex|rebuild|recreate|reset|raise|lower|bump|expand|shrink|grow|move|rename|attach|detach|mount|unmount|alter|cut over|cutover|reroute|redirect|expose|drain|cordon|evict|reload|refresh|seed|backfill|reprocess|replay|rerun|re-run|set up|setup|import|load|resize|renew|issue|revoke|kick off|trigger|launch|initiate|perform|carry out|begin|fire off|do|roll|push)';
const deployVerbs = '(?:deploy|deploys|deploying|redeploy|roll out|rollout|ship|release|push|promote|merge|hotfix|go live)';

/** Unmistakable infrastructure: changing one of these with no environment named is still gated. */
const coreInfrastructureWords =
  'kubernetes|k8s|clusters?|node pools?|nodes|servers?|vms?|virtual machines?|instances?|ec2|rds|aurora|s3|buckets?|dns|(?:a|aaaa|cname|mx|txt|ns) records?|nameservers?|domains?|load balancers?|firewalls?|waf|cdn|cloudfront|certificates?|certs?|tls|ssl|vpcs?|subnets?|security groups?|iam|redis|memcached|replicas?|read replicas?|databases?|dbs?|postgres(?:ql)?|mysql|mongo(?:db)?|dynamodb|schemas?|migrations?|terraform|helm|pods?|containers?|kafka|api gateways?|ingress|nginx|okta|active directory|ldap|cron jobs?|autoscal\\w*|infrastructure|infra|cloud accounts?|aws accounts?|gcp projects?|azure subscriptions?|network|networking|vpn|routers?|switches|ports?|dns zones?|storage|disks?|volumes?|queues?|topics|lambdas?|serverless functions?|workers?|backups?|snapshots?|hosts?|kernels?|fleet|boxes|operating systems?|firmware|os images?|amis?|images?|dockerfiles?';
const coreInfrastructure = `(?:${coreInfrastructureWords})`;
/** Anything a change can touch once an environment is named. */
const anyInfrastructure = `(?:${coreInfrastructureWords}|config|configs|configuration|settings|env vars|environment variables|secrets|feature flags?|flags?|indexes|index|indices|tables?|columns?|api|apis|app|apps|application|services?|microservices?|backend|frontend|website|site|endpoints?|functions?|jobs?|pipelines?|build|builds|release|version|branch|code|changes|capacity|quotas?|limits?|timeouts?|traffic|routing|routes?|environment|env|system|systems|stack|deployment|deployments|cache|caches|pricing|prices|sessions?|keys|account)`;

const changes = new RegExp(
  `${verbAt(changeVerbs)}\\b|\\b(?:take|bring|knock|put)\\b[^|]{0,40}?\\b(?:down|offline|out of (?:service|rotation)|into maintenance)\\b`,
);
/** "get the production DNS changed", "have the servers restarted": a change asked for in the passive. */
const causativeChange = new RegExp(
  requestedInPassive(
    'changed|updated|modified|deployed|restarted|rebooted|scaled(?: up| down)?|migrated|rotated|replaced|removed|disabled|enabled|patched|upgraded|downgraded|pointed|switched|moved|reset|resized|reconfigured|rolled back|redeployed|taken down|taken offline|shut down|turned off|turned on|flipped|bumped|applied|provisioned|decommissioned|terminated',
  ),
);
const deploys = new RegExp(`${verbAt(deployVerbs)}\\b`);
const plainDeploy = new RegExp(`${verbAt('deploy|deploys|deploying|redeploy|roll out|rollout')}\\b`);
const touchesCore = new RegExp(`\\b${coreInfrastructure}\\b`);
const touchesAny = new RegExp(`\\b${anyInfrastructure}\\b`);
/** Paperwork about an environment ("open a ticket about the production outage") is not a change to it. */
const paperwork =
  /\b(?:tickets?|issues?|jira|incidents? reports?|reports?|postmortems?|post-mortems?|summary|summaries|notes?|docs?|documentation|runbooks?|wiki|pages? in confluence|emails?|messages?|meetings?|calendar|reminders?|tasks?|checklists?|slides?|decks?|retro(?:spective)?s?|channel|threads?|quer(?:y|ies)|select|count|analysis|analyses|searches|lookups?|(?:smoke |load |unit |integration |e2e |regression )?tests?|health ?checks?|benchmarks?|audits?|scans?|dry[- ]runs?|diffs?|plans?)\b/;

const bypassesChecks = new RegExp(
  "\\b(?:skip|skipping|bypass|bypassing|circumvent|circumventing|ignore|ignoring|override|overriding|disable|disabling|without|no|force|forcing|avoid|avoiding|turn off|switch off|forget|forget about|don't bother with|do not bother with|don't wait for|do not wait for|ahead of|before)\\s+(?:the\\s+|any\\s+|all\\s+|our\\s+|a\\s+)?(?:[a-z-]+\\s+){0,2}?(?:ci|cd|checks?|tests?|testing|test suite|reviews?|reviewers?|code reviews?|pr reviews?|approvals?|pipeline|qa|sign-?offs?|gates?|quality gates?|lint(?:ing|er)?|security scans?|scans?|branch protection|peer reviews?|change management|cab|change approvals?|verification|validation)\\b|--no-verify|\\b(?:unreviewed|untested|un-reviewed|unapproved|unvetted|unaudited)\\b",
);
/** "don't wait for the tests" arrives as a negated clause; it still removes a check. */
const negatedWait =
  /^(?:don't|dont|do not|never|no need to)\s+(?:wait for|bother (?:with|running)|run|need|require|worry about)\s+(?:the\s+|any\s+)?(?:[a-z-]+\s+){0,2}?(?:ci|checks?|tests?|testing|test suite|reviews?|code reviews?|approvals?|pipeline|qa|sign-?offs?)\b/;
const toProductionOrMainline = new RegExp(`${productionEnvironment}|\\b(?:main|master|trunk|release branch)\\b`);

function deploymentFinding(scope: EnvironmentScope, clause: RiskClause): RiskFinding | undefined {
  if (scope === 'production') {
    return {
      ruleId: 'risk.deploy.production',
      grade: 'P1',
      categories: ['deployment', 'production-change'],
      reason: 'deploys to production',
    };
  }
  if (scope === 'non-production') {
    return {
      ruleId: 'risk.deploy.nonproduction',
      grade: 'P2',
      categories: ['deployment', 'staging-change'],
      reason: 'deploys to a non-production environment',
    };
  }
  if (!plainDeploy.test(clause.text)) return undefined;
  return {
    ruleId: 'risk.deploy.unscoped',
    grade: 'P1',
    categories: ['deployment', 'production-change'],
    reason: 'deploys with no environment stated',
  };
}

function changeFinding(scope: EnvironmentScope, clause: RiskClause): RiskFinding | undefined {
  if (scope === 'production' && (touchesAny.test(clause.text) || !paperwork.test(clause.text))) {
    return {
      ruleId: 'risk.infra.production-change',
      grade: 'P1',
      categories: ['production-change'],
      reason: 'changes production infrastructure or configuration',
    };
  }
  if (scope === 'non-production' && (touchesAny.test(clause.text) || !paperwork.test(clause.text))) {
    return {
      ruleId: 'risk.infra.nonproduction-change',
      grade: 'P2',
      categories: ['staging-change'],
      reason: 'changes a staging or test environment',
    };
  }
  if (scope === 'unscoped' && touchesCore.test(clause.text)) {
    return {
      ruleId: 'risk.infra.unscoped-change',
      grade: 'P1',
      categories: ['production-change'],
      reason: 'changes infrastructure with no environment stated',
    };
  }
  return undefined;
}

/**
 * Deployments and infrastructure or configuration changes: P0 for unreviewed code pushed to
 * production past its checks, P1 in production (or where no environment is named), P2 in
 * staging, test or development environments.
 */
export const infrastructureRiskRule: RiskRule = (view) => {
  const findings: RiskFinding[] = [];
  let deploysToMainline = false;
  const whole = view.actionText;
  const mayChange = deploys.test(whole) || changes.test(whole) || causativeChange.test(whole);
  for (const clause of mayChange ? view.actionClauses : []) {
    const isDeploy = deploys.test(clause.text);
    if (!isDeploy && !changes.test(clause.text) && !causativeChange.test(clause.text)) continue;
    const scope = environmentScope(clause.text, view.actionText);
    if (isDeploy) {
      if (toProductionOrMainline.test(clause.text)) deploysToMainline = true;
      const finding = deploymentFinding(scope, clause);
      if (finding !== undefined) {
        findings.push(finding);
        continue;
      }
    }
    if (!isDeploy || changes.test(clause.text) || causativeChange.test(clause.text)) {
      const finding = changeFinding(scope, clause);
      if (finding !== undefined) findings.push(finding);
    }
  }
  const negatedWaits = view.clauses.some((clause) => clause.mode === 'negated' && negatedWait.test(clause.head));
  if (deploysToMainline && (bypassesChecks.test(view.actionText) || negatedWaits)) {
    findings.push({
      ruleId: 'risk.deploy.bypass-checks',
      grade: 'P0',
      categories: ['deployment', 'production-change'],
      reason: 'ships unreviewed code to production past its checks',
    });
  }
  return findings;
};
