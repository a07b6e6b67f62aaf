/**
 * Capitalised words that are not names: function words, imperative verbs that start a sentence,
 * labels and headings in model output, business nouns, calendar words, languages and company suffixes.
 * Lower case; compared after the possessive is removed.
 */
const words = `
a an the this that these those and or nor but if then else never always don't dont won't can't cannot
text sms kickoff standing urgent fyi asap re subject hey awaiting pending gate approved denied
allowed blocked halted under over within without when whenever while please kindly also just only
all any each every some no not yes our your their his her its my we you they i he she it me us them to for
from with without of in on at by via per after before once until till as so can could would should will
shall may might must do does did is are was were be been being have has had hi hello hey dear thanks thank
regards ok okay here there what which who whom whose how why where next last first second third fourth
new old same other another both either neither more most less least etc many much few several none
one two three four five six seven eight nine ten eleven twelve twenty thirty fifty hundred
add apply approve archive ask assign attach block book bump call cancel cc bcc change charge check clean
clear close collect compile complete confirm contact copy create credit debit decline delete deploy deposit
disable draft drop edit email e-mail enable escalate export file fill find fix flag follow forward generate
give grant help hold import increase decrease inform invite invoice issue keep launch leave let list load
lock log look make mark merge message migrate move notify open order pause pay ping place plan post prepare
print process publish pull purge push put raise reassign rebook receive reconcile record redeploy refund
reimburse reject release reload remind remove rename renew reopen replace reply report request reschedule
resend reset resolve restart restore resume retry return revert review revoke roll rollback rotate run save
scale schedule send set settle share ship show sign skip start stop submit summarise summarize suspend
switch sync take tell terminate test transfer translate trigger turn unlock update upgrade upload use verify
void wire write transmit announce provide offer accept allocate arrange audit back bill build buy calculate
capture compare configure connect convert correct count cover cut decide define deliver describe design
determine disburse dispatch distribute double download downgrade duplicate ensure enter estimate evaluate
execute expire explain extend fetch finalise finalize freeze get go handle identify implement include
install investigate join label lift limit link maintain manage map monitor onboard offboard organise
organize patch perform pick prioritise prioritize proceed promote propose protect purchase queue quote rate
read rebuild recall recover reduce refresh register reindex relaunch remit repair repeat replicate reserve
respond restrict retain retrieve route scan search select sell separate serve setup snooze sort split store
subscribe suggest supply support tag track train transcribe triage unblock undo unsubscribe validate view
wait warn watch whitelist allowlist withdraw work afterwards afterward finally meanwhile additionally then
grant give deactivate activate increase assign escalate remove reach reply reschedule pay wire deposit
step steps risk template rule rules summary note notes reason reasons action actions output outputs result
results decision status plan task tasks mandate policy policies priority owner date time amount payee
recipient recipients invitee invitees attendee attendees subject body title description details detail
context goal objective scope impact approval approved approver pending gate gated required requires
requested intent entities entity anchor drift domain tenant layer model trace evidence finding findings
warning error info done todo prerequisites requirements assumptions timeline deadline due effective expires
expiry end window maintenance reminder reminders access quarterly monthly weekly daily annual yearly
report reports dashboard team teams group department division finance accounting legal security
engineering marketing sales support operations ops product customer customers client clients vendor
vendors supplier suppliers contractor contractors employee employees manager managers lead leads director
head admin admins administrator user users staff board committee office account accounts payment payments
invoices refunds orders bank card cards fee fees bonus salary payroll budget cost costs price pricing tax
taxes reserve operating total balance contract contracts agreement renewal letter candidate service
services server servers system systems database cluster environment production staging development testing
region version deployment incident ticket tickets case project program meeting calendar event channel
channels mail phone address street road avenue lane drive boulevard way court city country state north
south east west central global general internal external public private confidential urgent important
high medium low critical major minor standard basic premium current previous final data files document
documents records logs backup backups key keys token password secret config configuration settings privacy
notice terms conditions forecast deck proposal estimate form app application api website site web page
portal platform tool tools script job worker table schema index bucket network firewall vpn role roles
permission permissions full partial limited compliance auditor auditors control controls inc ltd llc gmbh
corp co plc ag sa limited corporation company holdings dept mr mrs ms dr prof sir madam best cheers am pm
utc gmt est edt pst pdt cet cest bst ist dax sentinel chancellor custodian registrar verifier steward
conductor router observer sentry inspector executor two-step
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today tomorrow
yesterday tonight morning afternoon evening night week weekend month quarter year
english spanish french german italian portuguese dutch chinese mandarin japanese korean arabic russian
hindi polish swedish norwegian danish finnish greek turkish hebrew american british european canadian
australian indian irish scottish
`;

export const nameStopWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter((word) => word !== ''));
