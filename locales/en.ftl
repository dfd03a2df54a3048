# Parley: English. Strings may contain HTML; variables are escaped by the code before use.

## Commands (the menu registered with setMyCommands)
cmd-start = Start and what Parley follows
cmd-help = All commands
cmd-latest = Latest developments: /latest [1-20]
cmd-next = What is coming next
cmd-event = One entry in full: /event <id>
cmd-tracks = The series Parley follows
cmd-track = One series in full: /track <id>
cmd-subscribe = Get a digest when the record changes
cmd-unsubscribe = Stop the digests
cmd-settings = Digest settings
cmd-lang = Language: /lang en|ru|uk
cmd-tz = Time zone: /tz Europe/Moscow

## Welcome and help
start-greeting =
    Hello{ $name -> 
        [none] {""}
       *[other] , { $name }
    }! I am <b>Parley</b>: a sourced record of diplomatic talks, first of all the US–Russia contacts — leaders' calls, the Riyadh meeting, the Istanbul rounds on embassy operations, the Ukraine settlement rounds.
    I tell you what happened last and what comes next, each fact with its sources, and I can send you a digest when the record changes.
help =
    <b>Commands</b>
    /latest [N] — the latest developments, newest first (default 5, at most 20)
    /next — what is coming, with a countdown
    /event &lt;id&gt; — one entry in full, with every source
    /tracks — the series I follow; /track &lt;id&gt; — one series in full
    /subscribe, /unsubscribe — digests when the record changes; /settings — what and when
    /lang en|ru|uk — language; /tz &lt;zone&gt; — time zone (e.g. /tz Europe/Kyiv)
    /help — this list
btn-latest = Latest
btn-next = Coming up
btn-subscribe = Subscribe
btn-older = Older
btn-newest = Newest
btn-track = Whole series

## Lists
latest-title = Latest developments
latest-empty = The record has no entries yet.
latest-no-older = There is nothing older in the record.
latest-bad-arg = “{ $arg }” is not a number I can use. Write /latest for the last 5 entries, or /latest N with N from 1 to { $max }, e.g. <code>/latest 10</code>.
range = { $from }–{ $to } of { $total }
next-title = Coming up
next-undated-title = Announced, date not yet set
next-nothing = Nothing is scheduled or announced right now.
next-last-held = The last entry held in each series:
event-usage = Write the entry's id after the command, e.g. <code>/event embassy-round-1</code>. Ids are shown in /latest, /track and on the details buttons.
event-not-found = There is no entry with the id <code>{ $id }</code>. Check the spelling, or find the id with /latest or /tracks.
event-gone = This entry is no longer in the record.
tracks-title = Series that Parley follows
track-usage = Write the series' id after the command, e.g. <code>/track embassy-operations</code>. Series: { $ids }
track-not-found = There is no series <code>{ $id }</code>. Series: { $ids }
track-history = History
track-last = Last
track-next = Next
track-nothing-next = nothing announced
entries-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}

## Entry fields
sources = Sources
participants = Participants
outcome = Outcome
note = Sources differ / note
previous = Before
next-in-track = After
sequence = round { $n }
duration = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}
date-not-set = date not yet set
kind-call = Call
kind-meeting = Meeting
kind-round = Round
kind-summit = Summit
kind-other = Other
status-announced = announced
status-scheduled = scheduled
status-held = held
status-postponed = postponed
status-cancelled = cancelled
party-us = USA
party-ru = Russia
party-ua = Ukraine
party-mediator = Mediator

## Countdown (in the reader's time zone)
countdown-today = today
countdown-today-at = today at { $time }
countdown-tomorrow = tomorrow
countdown-tomorrow-at = tomorrow at { $time }
countdown-days = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
countdown-minutes = { $minutes ->
    [one] in { $minutes } minute
   *[other] in { $minutes } minutes
}
countdown-month = in { $month }
countdown-started = under way
countdown-past = date passed, no news yet

## Preferences
lang-choose = The language is { $current }. Choose another:
lang-set = Language: { $lang }.
lang-bad-arg = I don't know the language “{ $arg }”. Write /lang en, /lang ru or /lang uk.
tz-current = Your time zone is <b>{ $zone }</b> (it is { $time } there). To change it, write /tz and an IANA zone, e.g. <code>/tz Europe/Kyiv</code> or <code>/tz America/New_York</code>.
tz-set = Time zone set to <b>{ $zone }</b> (it is { $time } there). Dates and countdowns now use it.
tz-bad-arg = “{ $arg }” is not a time zone I know. Use an IANA name like <code>Europe/Moscow</code>, <code>Europe/Kyiv</code>, <code>America/New_York</code> or <code>UTC</code>.
admins-only = Only this chat's administrators can change that.

## Fallbacks
unknown-command = I don't know that command. /help lists what I can do.
free-text = I answer commands. Try /latest or /next, or /help for the full list.
button-expired = This button is from an older message; send the command again.
error-generic = Something went wrong on my side; please try again in a moment.
