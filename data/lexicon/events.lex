# chancery event patterns. See README.md for the format; in short:
#
#   ANCHOR [WORD | * ]...  =>  TYPE[:mode]  [key=value]...
#
# ANCHOR is a lemma with an optional part of speech (.v verb, .n noun, .a
# adjective); the words after it must follow it in order (`*` skips up to six
# tokens, `a|b` are alternatives). Keys: ctx (contexts), actor / recipient
# (argument roles tried in order), when (future | negated: the pattern needs
# that qualification, which it then absorbs), need (speaker: only inside
# attributed speech), cameo (a more precise CAMEO code).

# ---------------------------------------------------------------- AGREE
agree.v                         => AGREE            recipient=@with,obj
agree.v to                      => AGREE
promise.v                       => AGREE            recipient=iobj,@to,obj
pledge.v                        => AGREE            recipient=@to
offer.v                         => AGREE            recipient=iobj,@to,obj
propose.v                       => AGREE            recipient=@to,iobj
vow.v * support|help|cooperate  => AGREE
accept.v * invitation|proposal|offer|plan => AGREE  recipient=counterpart
invite.v                        => AGREE            recipient=obj  cameo=036
invitation.n                    => AGREE            recipient=@to,@for,iobj
ready.a * to talk|negotiate|meet  => AGREE          actor=subj

# ---------------------------------------------------------------- CONSULT
meet.v                          => CONSULT          recipient=obj,@with  patient=!demand|target|deadline|requirement|expectation|criterion|need|goal|standard|condition|obligation
meeting.n                       => CONSULT          recipient=@with,@between
talk.n                          => CONSULT          recipient=@with,@between
hold.v * talks|negotiation|consultation|meeting => CONSULT  recipient=@with
negotiate.v                     => CONSULT          recipient=@with
negotiation.n                   => CONSULT          recipient=@with,@between
consult.v                       => CONSULT          recipient=obj,@with
discuss.v                       => CONSULT          recipient=@with
visit.v                         => CONSULT:visit    recipient=obj
visit.n                         => CONSULT:visit    recipient=@to
host.v                          => CONSULT:visit    actor=@with,obj-mention  recipient=subj  cameo=043
phone.v                         => CONSULT:phone    recipient=obj
phone.n call                    => CONSULT:phone    recipient=@with
telephone.n conversation|call   => CONSULT:phone    recipient=@with
summit.n                        => CONSULT:multilateral recipient=@with
mediate.v                       => CONSULT          recipient=obj,@between  cameo=045

# ---------------------------------------------------------------- SUPPORT
endorse.v                       => SUPPORT          recipient=obj
support.v                       => SUPPORT          recipient=obj
hail.v                          => SUPPORT          recipient=obj
applaud.v                       => SUPPORT          recipient=obj
congratulate.v                  => SUPPORT          recipient=obj
thank.v                         => SUPPORT          recipient=obj
restore.v * relations|ties      => SUPPORT          ctx=diplomatic  recipient=@with
establish.v * relations|ties    => SUPPORT          ctx=diplomatic  recipient=@with  cameo=054
normalize.v * relations|ties    => SUPPORT          ctx=diplomatic  recipient=@with
endorsement.n                   => SUPPORT          recipient=@of
praise.v                        => SUPPORT          recipient=obj
commend.v                       => SUPPORT          recipient=obj
welcome.v                       => SUPPORT          recipient=obj
back.v                          => SUPPORT          recipient=obj
recognize.v * independence|sovereignty|government => SUPPORT recipient=obj  cameo=054
sign.v * agreement|deal|treaty|accord|memorandum => SUPPORT  recipient=@with  cameo=057
ratify.v                        => SUPPORT          recipient=@with  cameo=057
apologize.v                     => CONCEDE          recipient=@to
regret.v                        => CONCEDE          recipient=obj-mention
express.v * support             => SUPPORT          recipient=@for
voice.v * support               => SUPPORT          recipient=@for

# ---------------------------------------------------------------- CONCEDE
pardon.v                        => CONCEDE          recipient=obj
ease.v * restriction|sanction   => CONCEDE          recipient=@on,@against
lift.v * sanction|ban|restriction|curfew => RETREAT  recipient=@on,@against  cameo=085
amnesty.n                       => CONCEDE          recipient=@for,@to

# ---------------------------------------------------------------- COOPERATE
cooperate.v                     => COOPERATE        recipient=@with
cooperation.n                   => COOPERATE        recipient=@with,@between
share.v * intelligence|information|data => COOPERATE  ctx=intelligence  recipient=@with  cameo=064
extradite.v                     => COOPERATE        ctx=legal  recipient=@to  cameo=063
joint.a * exercise|drill        => COOPERATE        ctx=military  cameo=062

# ---------------------------------------------------------------- AID
supply.v                        => AID              ctx=military  recipient=@to,iobj  cameo=072
supply.v * weapon|weaponry|arms|ammunition|missile => AID  ctx=military  recipient=@to,iobj  cameo=072
send.v * weapon|weaponry|arms|ammunition|missile|troops|aid => AID  ctx=military  recipient=@to,iobj  cameo=072
provide.v * aid|assistance|support|weapon|weaponry|arms|loan|funding => AID  recipient=@to,@for,iobj
deliver.v * aid|assistance|weapon|weaponry|arms => AID  recipient=@to,iobj
donate.v                        => AID              recipient=@to
grant.v * asylum                => AID              ctx=asylum  recipient=iobj,@to  cameo=075
rescue.v                        => AID              recipient=obj
aid.n                           => AID              recipient=@to,@for
assistance.n                    => AID              recipient=@to,@for

# ---------------------------------------------------------------- RETREAT
release.v                       => RETREAT:release  recipient=obj  patient=prisoner|hostage|detainee|captive|citizen|national|journalist|activist|sailor|soldier|#person
free.v                          => RETREAT:release  recipient=obj  patient=prisoner|hostage|detainee|captive|citizen|national|journalist|activist|sailor|soldier|#person
withdraw.v * troops|forces|soldiers => RETREAT:withdraw  ctx=military  recipient=@from
pull.v out                      => RETREAT:withdraw ctx=military  recipient=@of,@from
ceasefire.n                     => RETREAT:ceasefire ctx=military  recipient=@with
truce.n                         => RETREAT:ceasefire ctx=military  recipient=@with
resign.v                        => RETREAT:resign
disarm.v                        => RETREAT:disarm   ctx=military

# ---------------------------------------------------------------- REQUEST
ask.v                           => REQUEST          recipient=obj,@of
call.n to                       => REQUEST          recipient=@on,@upon,iobj
ask.v * to                      => REQUEST          recipient=obj
urge.v                          => REQUEST          recipient=obj
call.v on|upon                  => REQUEST          recipient=@on,@upon,obj
call.v for                      => REQUEST          recipient=@on
demand.v                        => REQUEST:change   recipient=obj,@from,@of,ccomp-subj
demand.n                        => REQUEST:change   recipient=@on,@to,@for
appeal.v                        => REQUEST          recipient=@to
request.v                       => REQUEST          recipient=obj,@from
press.v * to                    => REQUEST          recipient=obj
persuade.v                      => REQUEST          recipient=obj
encourage.v                     => REQUEST          recipient=obj
recruit.v                       => REQUEST          ctx=intelligence  recipient=obj  cameo=1014
defection.n                     => REQUEST          ctx=intelligence  recipient=@among,@of,amod
encourage.v * defection|defect|treason|betray => REQUEST  ctx=intelligence  recipient=obj,gap

# ---------------------------------------------------------------- ACCUSE
accuse.v                        => ACCUSE:allege    recipient=obj
accusation.n                    => ACCUSE:allege    recipient=@against
allege.v                        => ACCUSE:allege    recipient=ccomp-subj
blame.v                         => ACCUSE:allege    recipient=obj
charge.v * with                 => ACCUSE:allege    ctx=legal  recipient=obj
indict.v                        => ACCUSE:allege    ctx=legal  recipient=obj
sue.v                           => ACCUSE:allege    ctx=legal  recipient=obj  cameo=115
claim.v                         => ACCUSE:allege    recipient=ccomp-subj,clause-mention  need=recipient
condemn.v                       => ACCUSE:disapprove recipient=obj
denounce.v                      => ACCUSE:disapprove recipient=obj
criticize.v                     => ACCUSE:disapprove recipient=obj
criticise.v                     => ACCUSE:disapprove recipient=obj
slam.v                          => ACCUSE:disapprove recipient=obj
decry.v                         => ACCUSE:disapprove recipient=obj
complain.v                      => ACCUSE:disapprove recipient=@about,@of,@to
summon.v                        => ACCUSE:disapprove ctx=diplomatic  actor=subj,@to  recipient=obj
issue.v * response|protest|condemnation|rebuke => ACCUSE:disapprove  recipient=gap,obj-mention
consider.v * unacceptable|unfriendly|provocative => ACCUSE:disapprove  recipient=obj,near
unacceptable.a                  => ACCUSE:disapprove actor=speaker,subj  recipient=near  need=speaker
tolerate.v                      => ACCUSE:disapprove recipient=obj-mention,obj  when=negated
investigate.v                   => ACCUSE:investigate recipient=obj
probe.v                         => ACCUSE:investigate recipient=obj
prosecute.v                     => ACCUSE:allege    ctx=legal  recipient=obj
rebuke.v                        => ACCUSE:disapprove recipient=obj
reprimand.v                     => ACCUSE:disapprove recipient=obj
censure.v                       => ACCUSE:disapprove recipient=obj
lash.v out                      => ACCUSE:disapprove recipient=@at,@against
probe.n                         => ACCUSE:investigate recipient=@into
investigation.n                 => ACCUSE:investigate recipient=@into,@against
espionage.n                     => ACCUSE:allege    ctx=intelligence  actor=speaker  recipient=governor-subj,poss  need=speaker  cameo=1125
spy.v                           => ACCUSE:allege    ctx=intelligence  actor=speaker  recipient=subj  need=speaker  cameo=1125
spying.n                        => ACCUSE:allege    ctx=intelligence  actor=speaker  recipient=governor-subj,poss  need=speaker  cameo=1125

# ---------------------------------------------------------------- REJECT
reject.v                        => REJECT           recipient=obj-mention,@from,counterpart
rejection.n                     => REJECT           recipient=@of
deny.v                          => REJECT           recipient=obj-mention
refute.v                        => REJECT           recipient=obj-mention,counterpart
dismiss.v * claim|allegation|accusation|charge|report => REJECT  recipient=obj-mention,counterpart
slam.v * allegation|accusation|claim|charge => REJECT  recipient=obj-mention,counterpart
refuse.v                        => REJECT           recipient=obj,@to
decline.v * to|offer|invitation|request => REJECT   recipient=obj-mention
veto.v                          => REJECT           recipient=obj  cameo=129
boycott.v                       => REJECT           recipient=obj
reject.v * aid|assistance|cooperation|help|loan|offer => REJECT:assist  recipient=obj-mention,counterpart
refuse.v * aid|assistance|cooperation|help => REJECT:assist  recipient=obj-mention,counterpart
reject.v * reform|reforms|resignation|change|changes => REJECT:change  recipient=obj-mention,counterpart
refuse.v * resign|step|reform|change => REJECT:change  recipient=counterpart
refuse.v * release|free|lift|withdraw|return|hand => REJECT:yield  recipient=clause-mention,counterpart
reject.v * talks|meeting|negotiation|negotiations|summit|mediation => REJECT:meet  recipient=obj-mention,counterpart
refuse.v * meet|negotiate|talk => REJECT:meet  recipient=@with,clause-mention
cancel.v * meeting|visit|summit|talks => REJECT:meet  recipient=@with,obj-mention

# ---------------------------------------------------------------- THREATEN
threaten.v                      => THREATEN         recipient=obj,clause-mention
threat.n                        => THREATEN         recipient=@to,@against
warn.v                          => THREATEN         recipient=obj,iobj,counterpart
warn.v * consequence            => THREATEN         recipient=obj,@for,counterpart
ultimatum.n                     => THREATEN:relations recipient=@to  cameo=139
respond.v                       => THREATEN         recipient=@to,counterpart  when=future
retaliate.v                     => THREATEN         recipient=@against,counterpart  when=future
have.v * consequence            => THREATEN         actor=speaker  recipient=@for,counterpart  when=future
vow.v * respond|retaliate|retaliation|response => THREATEN  recipient=counterpart
threaten.v * expel              => THREATEN:expel   ctx=diplomatic  recipient=obj,clause-mention
threaten.v * sanction|sanctions|embargo|tariff|tariffs|boycott|blockade => THREATEN:restrict  recipient=obj,@on,@against,clause-mention
threaten.v * arrest|detain|jail|imprison|prosecute => THREATEN:arrest  recipient=obj,clause-mention
threaten.v * ties|relations|talks|negotiations => THREATEN:relations  ctx=diplomatic  recipient=obj,@with,clause-mention
threaten.v * annex|occupy|territory|land => THREATEN:territory  ctx=territory  recipient=obj,clause-mention
threaten.v * attack|strike|invade|force|war|bomb|retaliation|violence|nuclear => THREATEN:violence  ctx=military  recipient=obj,clause-mention

# ---------------------------------------------------------------- PROTEST
protest.n                       => PROTEST:demo     actor=poss,@from,@by,amod,subj  recipient=@against
protest.v                       => PROTEST:demo     recipient=@against
rally.n                         => PROTEST:demo     recipient=@against
demonstration.n                 => PROTEST:demo     recipient=@against
demonstrate.v                   => PROTEST:demo     recipient=@against
riot.n                          => PROTEST:riot
hunger.n strike                 => PROTEST:hunger
face.v * protest|protests|demonstration|rally => PROTEST:demo  actor=-  recipient=subj
blockade.v                      => PROTEST:obstruct recipient=obj

# ---------------------------------------------------------------- SANCTION
expel.v                         => SANCTION:expel   ctx=diplomatic  recipient=obj,@from
expulsion.n                     => SANCTION:expel   ctx=diplomatic  recipient=@of,@from
declare.v * persona|personae non grata|gratae => SANCTION:expel  ctx=diplomatic  recipient=gap,obj
recall.v * ambassador|envoy|diplomat => SANCTION:withdraw  ctx=diplomatic  recipient=@from,gap
close.v * consulate|embassy|mission => SANCTION:withdraw  ctx=diplomatic  recipient=obj-mention
close.v                         => SANCTION:withdraw ctx=diplomatic  recipient=obj-mention  patient=consulate|embassy|mission|office
closure.n * consulate|embassy|mission => SANCTION:withdraw  ctx=diplomatic  recipient=@of
revoke.v * consent|accreditation|license|licence|visa => SANCTION:withdraw  ctx=diplomatic  recipient=gap,@to,obj-mention  cameo=161
sanction.n                      => SANCTION:discontinue ctx=economic  recipient=@on,@against,amod
sanction.v                      => SANCTION:discontinue ctx=economic  recipient=obj
impose.v * sanction|embargo|tariff|restriction => SANCTION:discontinue  ctx=economic  recipient=@on,@against
hit.v * sanction                => SANCTION:discontinue ctx=economic  actor=@by  recipient=obj
embargo.n                       => SANCTION:discontinue ctx=economic  recipient=@on,@against
suspend.v * contact|talks|cooperation|relation|aid|flight => SANCTION:discontinue  recipient=@with
cut.v * tie|relation|aid        => SANCTION:discontinue recipient=@with,@to
sever.v * tie|relation          => SANCTION:withdraw ctx=diplomatic  recipient=@with
downgrade.v * tie|ties|relation|relations => SANCTION:withdraw ctx=diplomatic  recipient=@with
freeze.v * asset|assets|fund|funds|account|accounts|reserve|reserves => SANCTION:discontinue  ctx=economic  recipient=obj-mention,@of
blacklist.v                     => SANCTION:discontinue ctx=economic  recipient=obj
extend.v * sanction|sanctions   => SANCTION:discontinue ctx=economic  recipient=@on,@against
expand.v * sanction|sanctions   => SANCTION:discontinue ctx=economic  recipient=@on,@against
ban.v * import|imports|export|exports|flight|flights => SANCTION:discontinue  ctx=economic  recipient=@from,@to,amod,obj-mention
break.v off * relation|tie|talks => SANCTION:withdraw ctx=diplomatic  recipient=@with
terminate.v                     => SANCTION:discontinue recipient=obj-mention
convict.v                       => SANCTION:convict ctx=legal  recipient=obj
sentence.v                      => SANCTION:convict ctx=legal  recipient=obj
ban.v                           => COERCE:restrict  recipient=obj
imprison.v                      => COERCE:arrest    ctx=legal  recipient=obj
jail.v                          => COERCE:arrest    ctx=legal  recipient=obj

# ---------------------------------------------------------------- MOBILIZE
mobilize.v                      => MOBILIZE:troops  ctx=military
deploy.v                        => MOBILIZE:troops  ctx=military  recipient=@against,@to
mass.v * troops|forces          => MOBILIZE:troops  ctx=military  recipient=@near,@on
military.a * exercise|drill|drills => MOBILIZE:troops ctx=military

# ---------------------------------------------------------------- COERCE
arrest.v                        => COERCE:arrest    ctx=legal  recipient=obj
arrest.n                        => COERCE:arrest    ctx=legal  recipient=@of
detain.v                        => COERCE:arrest    ctx=legal  recipient=obj
detention.n                     => COERCE:arrest    ctx=legal  recipient=@of
seize.v                         => COERCE:arrest    ctx=legal  recipient=obj  patient=#person
seize.v                         => COERCE:seize     recipient=obj-mention
confiscate.v                    => COERCE:seize     recipient=obj-mention
raid.v                          => COERCE:seize     recipient=obj
deport.v                        => COERCE:deport    recipient=obj,@from
censor.v                        => COERCE:censor    recipient=obj
block.v * access|website        => COERCE:censor    recipient=@to
hack.v                          => COERCE:cyber     ctx=cyber  recipient=obj
impose.v * curfew               => COERCE:curfew    recipient=@on,@in
declare.v * martial|emergency   => COERCE:martial-law  recipient=@in,@on
impose.v * martial              => COERCE:martial-law  recipient=@in,@on
cut.v off * water|electricity|power|internet|gas|food => COERCE:withhold  ctx=human_security  recipient=@to,@for,@in
shut.v * internet               => COERCE:withhold  recipient=@in,@for
spread.v * disinformation|misinformation|propaganda|lies => COERCE:misinformation  ctx=misinformation  recipient=@about,@against,@on
cyber attack|attacks            => COERCE:cyber     ctx=cyber  recipient=@on,@against
cyberattack.n                   => COERCE:cyber     ctx=cyber  recipient=@on,@against
curfew.n                        => COERCE:curfew
harass.v                        => COERCE:restrict  recipient=obj
thwart.v                        => COERCE:restrict  recipient=obj-mention

# ---------------------------------------------------------------- ASSAULT
attack.v                        => ASSAULT          ctx=military  recipient=obj
attack.v                        => ACCUSE:disapprove recipient=obj-mention  patient=policy|decision|plan|remark|comment|statement|move|proposal|law|bill|idea|report
attack.n                        => ASSAULT          ctx=military  recipient=@on,@against
invade.v                        => ASSAULT          ctx=military  recipient=obj  cameo=192
invasion.n                      => ASSAULT          ctx=military  recipient=@of
strike.v                        => ASSAULT          ctx=military  recipient=obj
strike.v * deal|agreement|accord|bargain => AGREE  recipient=@with
bomb.v                          => ASSAULT:aerial   ctx=military  recipient=obj
shell.v                         => ASSAULT:heavy-weapons ctx=military  recipient=obj
airstrike.n                     => ASSAULT:aerial   ctx=military  recipient=@on,@against,@in
air.n strike|strikes            => ASSAULT:aerial   ctx=military  recipient=@on,@against,@in
launch.v * operation|offensive|attack|invasion|strike|war => ASSAULT  ctx=military  recipient=@in,@against,@on
declare.v * operation|war       => ASSAULT          ctx=military  recipient=@in,@against,@on
offensive.n                     => ASSAULT          ctx=military  recipient=@against,@in
kill.v                          => ASSAULT          recipient=obj
fire.v * missile|missiles|rocket|rockets|shell|shells|drone|drones => ASSAULT:heavy-weapons  ctx=military  recipient=@at,@on,@into
clash.v                         => ASSAULT          ctx=military  recipient=@with
fight.v                         => ASSAULT          ctx=military  recipient=obj,@against  patient=!terrorism|terror|corruption|crime|inflation|poverty|disease|pandemic|virus|fire|climate|drug|drugs|extremism|racism|discrimination|hunger
capture.v                       => COERCE:seize     ctx=military  recipient=obj-mention
occupy.v                        => COERCE:seize     ctx=territory  recipient=obj-mention
annex.v                         => COERCE:seize     ctx=territory  recipient=obj-mention
assassinate.v                   => ASSAULT:targeted recipient=obj  cameo=186
kidnap.v                        => ASSAULT:abduct   recipient=obj
abduct.v                        => ASSAULT:abduct   recipient=obj
torture.v                       => ASSAULT:torture  recipient=obj
beat.v                          => ASSAULT:beat     recipient=obj
shoot.v                         => ASSAULT:firearms recipient=obj
poison.v                        => ASSAULT:unconventional ctx=cbrn  recipient=obj
