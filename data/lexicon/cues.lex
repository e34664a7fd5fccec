# Word lists the event coder reads besides the patterns. A line `[section]`
# starts a list; the words after it (lemmas, lowercase, whitespace-separated,
# any number of lines) belong to it. User files may add words to any section.

# Words that negate the event they modify (dependents of the trigger or of its auxiliaries).
[negation]
not never n't no neither nor

# Verbs whose complement did not happen: "refused to meet", "denied attacking".
[negating-verbs]
refuse deny fail decline

# Auxiliaries of the future.
[future-aux]
will shall 'll

# Verbs whose complement is announced or expected: "plans to visit", "is set to sign".
[future-verbs]
plan intend prepare aim expect schedule set promise pledge vow agree decide

# Modal auxiliaries that leave the event conditional or proposed.
[hypothetical-aux]
would could should may might must can 'd ought

# Verbs whose complement is wanted, proposed or threatened, not done:
# "threatened to expel", "urged Moscow to withdraw".
[hypothetical-verbs]
threaten propose suggest want wish hope seek offer ask urge call demand request
encourage persuade press invite recommend consider

# Subordinators of a condition: "if Russia attacks".
[conditional-marks]
if unless whether

# Subordinators of adverbial clauses: such a clause is no part of what a
# verbal event says ("if Spain expels …, Morocco would respond").
[adverbial-marks]
if unless when whenever while after before because since as although though once until whereas

# Verbs that report speech or belief; their subject is the speaker of the content clause.
[reporting-verbs]
say tell add state claim insist note stress report announce confirm declare assert
reply explain write argue believe think tweet comment emphasize emphasise remark
admit suggest allege maintain contend acknowledge reiterate point warn accuse complain
hasten disclose reveal

# Claim-like verbs: coded as an allegation only when the clause they
# report holds no event of its own ("claimed that X tried to recruit …" is
# X's attempt, attributed).
[content-first-verbs]
claim insist maintain contend suggest

# Verbs whose object noun is the event itself: "held talks", "imposed sanctions".
[light-verbs]
hold impose announce launch conduct issue make express take carry introduce begin start
declare order stage give unveil approve adopt extend lead continue resume

# Nouns that make a nominal event a mention of an earlier one: "in response to the expulsion".
[anaphoric-heads]
response retaliation reaction reply answer wake aftermath pretext

# Adjectives that make a quantity repeat an earlier one: "the equal number of diplomats".
[equal-number]
equal same similar identical matching corresponding

# Spelled-out numbers, as word=value.
[numbers]
one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11
twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18
nineteen=19 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80
ninety=90 hundred=100 dozen=12 thousand=1000 million=1000000 billion=1000000000

# Pronouns that name a person (for `patient=#person`).
[person-pronouns]
he him she her they them i me we us you
