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

## Welcome and help (/help: "/command usage — " and the help- line; the commands come from src/bot/routes.ts)
start-greeting =
    Hello{ $name -> 
        [none] {""}
       *[other] , { $name }
    }! I am <b>Parley</b>: a sourced record of diplomatic talks, first of all the US–Russia contacts — leaders' calls, the Riyadh meeting, the Istanbul rounds on embassy operations, the Ukraine settlement rounds.
    I tell you what happened last and what comes next, each fact with its sources, and I can send you a digest when the record changes.
help-title = Commands
help-latest = the latest developments, newest first (default 5, at most 20)
help-next = what is coming, with a countdown
help-event = one entry in full, with every source
help-tracks = the series I follow
help-track = one series in full
help-subscribe = a digest when the record changes (in a private chat, @channel subscribes a channel you administer)
help-unsubscribe = stop the digests
help-settings = what the digest brings and when
help-lang = language
help-tz = time zone
help-help = this list
help-start = the greeting
help-add = add an entry to the record, one question at a time
help-update = change an entry: held, postponed, a new date, place or source
help-history = who changed an entry, when and what
help-cancel = stop adding or changing an entry
btn-latest = Latest
btn-next = Coming up
btn-subscribe = Subscribe
btn-older = Older
btn-newest = Newest
btn-later = Later
btn-soonest = Soonest
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
next-no-later = Nothing further is planned.
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
error-database-down = ⚠️ The database is unreachable right now, so nothing was changed. Please try again in a minute; reading (/latest, /next) still works.

## Digest
digest-title = 📰 <b>Parley: what changed in the record</b>
digest-daily-title = 📰 <b>Parley: daily digest, { $day }</b>
digest-new-dated = 🆕 { $title } set for { $when }
digest-new-undated = 🆕 { $title } announced; date not yet set
digest-scheduled = 📅 { $title } scheduled for { $when }
digest-announced = 📣 { $title } announced for { $when }
digest-held = ✅ { $title } held: { $when }
digest-postponed = ⏸ { $title } postponed
digest-postponed-from = ⏸ { $title } postponed (was planned for { $when })
digest-cancelled = ❌ { $title } cancelled
digest-cancelled-from = ❌ { $title } cancelled (was planned for { $when })
digest-date-moved = 🔁 { $title }: date moved from { $from } to { $to }
digest-date-set = 📅 { $title }: date set for { $to }
digest-date-cleared = 🔁 { $title }: the date { $from } no longer holds; a new one is not yet set
digest-place-moved = 📍 { $title }: place changed from { $from } to { $to }
digest-place-set = 📍 { $title }: place set: { $to }
digest-place-cleared = 📍 { $title }: the place ({ $from }) is no longer confirmed
digest-outcome-added = 📝 { $title }: outcome — { $outcome }
digest-outcome-changed = 📝 { $title }: outcome updated — { $outcome }
digest-more = { $count ->
    [one] …and { $count } more change: see /latest
   *[other] …and { $count } more changes: see /latest
}
digest-details = 🔎 Details: { $label }
digest-reminder = ⏰ { $when }: { $title }

## Subscriptions
# $where is private, group, topic or channel; $channel is the channel's @name or title, $ref
# what to write after a command to name it (the @name, else the numeric id).
sub-created = { $where ->
    [private] 🔔 You are subscribed. I will send you a digest when the record changes, and reminders before what is coming. Choose what and when with /settings; stop with /unsubscribe.
    [group] 🔔 This group is subscribed. I will post a digest here when the record changes, and reminders before what is coming. Administrators can choose what and when with /settings.
    [topic] 🔔 This topic is subscribed. Digests and reminders will come here. Administrators can choose what and when with /settings.
   *[channel] 🔔 { $channel } is subscribed: I will post a digest there when the record changes, and reminders before what is coming. Choose what and when with <code>/settings { $ref }</code>.
}
sub-reactivated = { $where ->
    [private] 🔔 You are subscribed again, with the settings you had. /settings to change them.
    [group] 🔔 This group is subscribed again, with the settings it had. /settings to change them.
    [topic] 🔔 This topic is subscribed again, with the settings it had. /settings to change them.
   *[channel] 🔔 { $channel } is subscribed again, with the settings it had: <code>/settings { $ref }</code> to change them.
}
sub-already = { $where ->
    [private] You are already subscribed. To change what and when, use /settings; to stop, /unsubscribe.
    [group] This group is already subscribed. To change what and when, use /settings; to stop, /unsubscribe.
    [topic] This topic is already subscribed. To change what and when, use /settings; to stop, /unsubscribe.
   *[channel] { $channel } is already subscribed. To change what and when, use <code>/settings { $ref }</code>; to stop, <code>/unsubscribe { $ref }</code>.
}
sub-stopped = { $where ->
    [private] 🔕 Unsubscribed: no more digests. /subscribe brings them back.
    [group] 🔕 This group is unsubscribed: no more digests here. /subscribe brings them back.
    [topic] 🔕 This topic is unsubscribed: no more digests here. /subscribe brings them back.
   *[channel] 🔕 { $channel } is unsubscribed: no more digests there. <code>/subscribe { $ref }</code> brings them back.
}
sub-not-subscribed = { $where ->
    [private] You are not subscribed. /subscribe to get a digest when the record changes.
    [group] This group is not subscribed. An administrator can send /subscribe to get digests here.
    [topic] This topic is not subscribed. An administrator can send /subscribe here to get digests in it.
   *[channel] { $channel } is not subscribed. <code>/subscribe { $ref }</code> to post digests there.
}
sub-admins-only = Sorry, only this chat's administrators can subscribe it, unsubscribe it or change its digests. You can get them yourself: send /subscribe to me in a private chat.
sub-channel-from-private = To subscribe a channel, send <code>/subscribe @channel</code> to me in a private chat.
sub-channel-bad-arg = “{ $arg }” is not a channel I can look up. Write its @username, e.g. <code>/subscribe @mychannel</code>, or its numeric id (-100…).
sub-channel-not-found = I can't find the channel { $channel }. Check the spelling. If the channel is private, add me to it as an administrator first and send its numeric id (-100…).
sub-channel-bot-not-admin = I am not an administrator of { $channel }. Add me to { $channel } as an administrator with the right to post messages, then send <code>/subscribe { $ref }</code> again.
sub-channel-bot-cannot-post = I am an administrator of { $channel }, but not allowed to post there. Give me the right to post messages in the channel's administrator settings, then send <code>/subscribe { $ref }</code> again.
sub-channel-user-not-admin = Only administrators of { $channel } can subscribe it or change its digests, and you are not one of them.
sub-channel-not-channel = { $type ->
    [private] { $channel } is a person, not a channel. To subscribe a channel, write its @username.
   *[group] { $channel } is a group, not a channel. To get digests there, send /subscribe in that group.
}
sub-channel-stopped = 🔕 I was removed from { $channel } or may no longer post there, so its digests have stopped. To resume, add me back as an administrator with the right to post messages and send <code>/subscribe { $ref }</code>.
set-title = Digest settings
set-where = { $where ->
    [private] this chat
    [group] this group
    [topic] this topic
   *[channel] { $channel }
}
set-not-subscribed = { $where ->
    [private] You are not subscribed to digests.
    [group] This group is not subscribed to digests.
    [topic] This topic is not subscribed to digests.
   *[channel] { $channel } is not subscribed to digests.
}
set-all = all
set-on = on
set-off = off
set-tracks = Series
set-kinds = Kinds
set-delivery = Delivery
set-quiet = Quiet hours
set-reminders = Reminders
set-delivery-instant = as soon as the record changes
set-delivery-daily = once a day at { $time } ({ $zone })
set-quiet-on = { $from }–{ $to } ({ $zone }), messages then arrive without sound
set-hours = { $hours } h
set-reminders-on = { $count ->
    [0] for entries without a time, at { $time } the day before
   *[other] { $before } before the start; for entries without a time, at { $time } the day before
}
set-prompt-tracks = Tap a series to include it or leave it out.
set-prompt-kinds = Tap a kind to include it or leave it out.
set-prompt-delivery = A digest can come as soon as the record changes, or once a day at an hour you choose.
set-prompt-hour = At what hour should the daily digest come? Time zone { $zone } (change it with /tz).
set-prompt-quiet = During quiet hours messages arrive without sound.
set-prompt-quiet-from = Quiet hours start at… (time zone { $zone })
set-prompt-quiet-to = …and end at (time zone { $zone })
set-prompt-reminders = Reminders come before calls, meetings and rounds whose date is known.
set-prompt-reminder-hour = For entries with a date but no time: at what hour the day before? (time zone { $zone })
set-keep-one-track = Keep at least one series, or choose “All series”.
set-keep-one-kind = Keep at least one kind, or choose “All kinds”.
set-same-hour = Quiet hours must end at another hour than they start.
set-outdated = These settings had changed; here they are as they are now.
btn-set-back = Back
btn-set-unsubscribe = Unsubscribe
btn-set-all-tracks = All series
btn-set-all-kinds = All kinds
btn-set-instant = Instant
btn-set-daily = Daily at { $time }
btn-set-custom = Choose the hours
btn-set-reminders-on = Reminders
btn-set-before = { $hours } h before
btn-set-day-before = Day before at { $time }

## Editorial
cmd-add = Add an entry to the record (editors)
cmd-update = Change an entry: /update <id> (editors)
cmd-history = Who changed an entry: /history <id> (editors)
cmd-cancel = Stop adding or changing an entry
editorial-admins-only = Sorry, only Parley's editors can change the record. You can read it with /latest, /next and /event.
editorial-private-only = The record is edited in a private chat with me: send the command there.
editorial-unavailable = Editing the record is not available in this setup.
editorial-nothing-to-cancel = There is nothing to cancel: you are not adding or changing an entry.
editorial-cancelled = Cancelled. Nothing was written.
editorial-busy = You are in the middle of an entry: answer the question above, or send /cancel to stop.
editorial-text-expected = Please answer with text, or send /cancel to stop.
editorial-choose-button = Please choose one of the buttons above, or send /cancel to stop.
editorial-button-old = That button belongs to an earlier question.
editorial-add-intro = <b>A new entry.</b> I will ask ten short questions; each answer is checked as it comes. /cancel stops at any step and writes nothing.
editorial-step = <b>{ $n }/{ $total } · { $field }</b>
editorial-ask-track = Which series does the entry belong to? Choose one, or start a new series.
editorial-btn-new-track = ➕ New series
editorial-ask-new-track = Send the new series' id and title in one message: a short id (a–z, 0–9 and “-”), a space, then the title, e.g. <code>arms-control Arms control talks</code>.
editorial-ask-kind = What kind of contact is it?
editorial-ask-status = Where does it stand?
editorial-ask-date = When? For example <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 April 2025</code>, <code>April 10</code>, <code>tomorrow</code>; only the month: <code>2025-04</code>; no date yet: <code>not set</code>. Without a year I take the next such day.
editorial-ask-time = At what time, in which time zone? For example <code>10:00 Europe/Istanbul</code>; a time alone is taken in { $zone }. Or <code>skip</code>.
editorial-ask-place = Where? City and country, e.g. <code>Istanbul, Turkey</code>. Or <code>skip</code>.
editorial-ask-new-place = Where does it take place now? City and country, e.g. <code>Istanbul, Turkey</code>.
editorial-ask-participants =
    Who takes part? One person a line: <code>name | role | side</code>, where the side is US, RU, UA or mediator, e.g.
    <code>Sonata Coulter | Deputy Assistant Secretary of State | US</code>
    Or <code>skip</code>.
editorial-ask-new-participants =
    Who joins? One person a line: <code>name | role | side</code>, where the side is US, RU, UA or mediator, e.g.
    <code>Alexander Darchiev | Ambassador | RU</code>
editorial-ask-title = The title, in English, Russian or Ukrainian: I recognise the language. To give several versions, start each on a new line with <code>en:</code>, <code>ru:</code> or <code>uk:</code>.
editorial-ask-summary = A summary: what happened or is planned, in a few sentences; one language is enough (several as with the title).
editorial-ask-sources = Sources, one a line: a link and/or the outlet's name, e.g. <code>Reuters https://www.reuters.com/…</code>. Add <code>[ru]</code> or <code>[uk]</code> if the source is not in English.
editorial-ask-outcome = What came of it? The outcome in a sentence or two, in one language or several (start each with <code>en:</code>, <code>ru:</code> or <code>uk:</code>).
editorial-ask-field = Which answer do you want to give again?
editorial-preview-title = <b>Preview</b> · the entry will get the id <code>{ $id }</code>. Publish it, change an answer, or cancel.
editorial-problems = The record would refuse this entry:
editorial-btn-publish = ✅ Publish
editorial-btn-edit = ✏️ Edit
editorial-btn-cancel = ✖️ Cancel
editorial-published = Published: <code>{ $id }</code>. /event { $id } shows it; subscribers get it with the next digest.
editorial-publish-failed = Nothing was written; the record refused the entry:
editorial-update-usage = Write the entry's id after the command, e.g. <code>/update embassy-round-3</code>. Ids are shown in /latest and /event.
editorial-update-what = <b>{ $title }</b> (<code>{ $id }</code>, { $status }). What has changed?
editorial-btn-held = ✅ Held, with its outcome
editorial-btn-postponed = ⏸ Postponed
editorial-btn-cancelled = 🚫 Called off
editorial-btn-when = 📅 New date or time
editorial-btn-place = 📍 New place
editorial-btn-source = 🔗 Add a source
editorial-btn-participant = 👤 Add a participant
editorial-diff-title = <b>Changes to</b> <code>{ $id }</code> (before → after):
editorial-btn-save = 💾 Save
editorial-btn-change = ✏️ Change a field
editorial-no-change = That changes nothing; the entry stays as it is.
editorial-saved = Saved: <code>{ $id }</code>. /event { $id } shows it; subscribers get the change with the next digest.
editorial-save-failed = Nothing was written; the record refused the change:
editorial-history-usage = Write the entry's id after the command, e.g. <code>/history embassy-round-3</code>.
editorial-history-empty = No changes to <code>{ $id }</code> are recorded: it has not been edited through Parley (edits made by hand to events.json are not logged).
editorial-history-title = <b>History of</b> <code>{ $id }</code>, newest first ({ $count ->
    [one] { $count } change
   *[other] { $count } changes
    })
editorial-action-add = added
editorial-action-update = changed
editorial-action-revert = reverted
editorial-action-removed = removed (its addition was reverted)
editorial-via-cli = (command line)
editorial-field-track = Series
editorial-field-kind = Kind
editorial-field-status = Status
editorial-field-date = Date
editorial-field-time = Time
editorial-field-place = Place
editorial-field-parties = Parties
editorial-field-participants = Participants
editorial-field-title = Title
editorial-field-summary = Summary
editorial-field-outcome = Outcome
editorial-field-note = Note
editorial-field-duration = Duration, min
editorial-field-sequence = Round no.
editorial-field-sources = Sources
editorial-error-date-format = I can't read “{ $input }” as a date. Try <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 April 2025</code>, <code>tomorrow</code> or <code>not set</code>.
editorial-error-date-calendar = “{ $input }” is not a day of the calendar: check the day and the month.
editorial-error-scheduled-needs-date = A scheduled entry needs a date. Give one, or choose the status “announced” if the date is not known yet.
editorial-error-time-format = I can't read “{ $input }” as a time. Write it as HH:MM with a zone, e.g. <code>10:00 Europe/Istanbul</code>, or <code>skip</code>.
editorial-error-zone-unknown = “{ $detail }” is not a time zone I know. Use an IANA name such as <code>Europe/Istanbul</code>, <code>Europe/Moscow</code> or <code>UTC</code>.
editorial-error-text-no-letters = I need words here, in English, Russian or Ukrainian.
editorial-error-text-duplicate-lang = The “{ $detail }:” version is there twice; give one per language.
editorial-error-participant-format = I can't read “{ $detail }”. Write one person a line as <code>name | role | side</code> or <code>name | side</code>.
editorial-error-participant-side = I don't know the side “{ $detail }”: use US, RU, UA or mediator.
editorial-error-source-format = Each line needs a link or the outlet's name.
editorial-error-source-url = “{ $detail }” is not a full web address; it should start with https://.
editorial-error-place-format = Write the city and the country separated by a comma, e.g. <code>Istanbul, Turkey</code>.
editorial-error-track-format = Send a short id (a–z, 0–9 and “-”), a space, then the title, e.g. <code>arms-control Arms control talks</code>.
editorial-error-track-taken = The series <code>{ $id }</code> already exists: choose it from the buttons, or pick another id.
editorial-error-required = This one can't be skipped; please give an answer, or send /cancel to stop.
editorial-error-track-unknown = There is no series “{ $input }”. Choose one of the buttons, or press “New series”.

## The web timeline (src/web/): plain text, escaped where it is used

web-brand = Parley
web-title = Parley: a timeline of diplomatic talks
web-h1 = Timeline of talks
web-intro = A sourced record of diplomatic talks: what is coming, then what has happened, series by series. Every entry links to its sources.
web-skip = Skip to the timeline
web-nav-languages = Language
web-footer-about = Parley keeps a sourced record of diplomatic talks; every entry names its sources.
web-footer-zone = Dates and countdowns are in the { $zone } time zone.
web-calendar-all = Add all series to your calendar (.ics)
web-calendar-track = Add “{ $track }” to your calendar (.ics)
web-feed-atom = Atom feed of changes
web-feed-json = JSON feed of changes
web-filters = Filter the timeline
web-filter-track = Series
web-filter-kind = Kind
web-filter-all-tracks = All series
web-filter-all-kinds = All kinds
web-filter-submit = Show
web-upcoming = Coming up
web-upcoming-empty = Nothing is scheduled or announced right now.
web-upcoming-more = Only the nearest { $count } are shown; choose a series or a kind to see others.
web-history = History
web-history-empty = No entries match.
web-history-no-older = There is nothing older.
web-page-n = page { $page }
web-page-older = Older entries
web-page-newer = Newer entries
web-pages = Pages of the history
web-series-only = Show only “{ $track }”
web-sources-more = { $count } more
web-breadcrumbs = You are here
web-entry-series = Series
web-entry-when = When
web-entry-countdown = Countdown
web-entry-kind = Kind
web-entry-status = Status
web-entry-place = Place
web-entry-duration = Duration
web-entry-parties = Parties
web-entry-summary = Summary
web-entry-around = In the same series
web-not-found-title = Page not found
web-not-found-text = There is no entry “{ $id }” in the record. It may have been renamed or removed.
web-back = Back to the timeline
web-timeline-button = 🌐 Timeline

## Sharing: the calendar file, the share button, inline mode, /timeline
cmd-timeline = A series on a time axis, as a picture: /timeline [series]
help-timeline = a picture of a series (or of all of them) on a time axis, by kind and status
btn-add-calendar = 📅 Add to calendar
btn-share = ↗️ Share
btn-open-page = 🌐 Open the page
calendar-caption = Open the file to add “{ $title }” to your calendar.
calendar-no-date = This entry has no day yet, so it cannot go in a calendar.
inline-nothing = Nothing found: try a city, a name or a date
inline-page = Page
timeline-title = { $track }: timeline
timeline-all-title = All series: timeline
timeline-caption = { $title } · { $count } entries · as of { $date }
timeline-legend-status = Status
timeline-legend-kind = Kind
timeline-today = today
timeline-empty = No dated entries yet

## Drafts from news reports (editors)
cmd-drafts = Drafts from the news waiting for a decision (editors)
help-drafts = the drafts made from news reports that wait for an editor, newest first
editorial-add-intro-draft = <b>Draft { $draft } in the /add dialogue.</b> Its values are filled in; I ask only what the report left open, then show the preview, where any field can be changed. /cancel stops and writes nothing.
drafts-title-new = Draft { $id } · new entry
drafts-title-change = Draft { $id } · change of
drafts-change-of = change of
drafts-stale = its date has passed
drafts-evidence = Evidence
drafts-guessed = guessed
drafts-guessed-fields = Guessed, not read in the text: { $fields }
drafts-reports = { $count ->
    [one] { $count } report
   *[other] { $count } reports
}
drafts-not-publishable = As it stands the record would refuse this entry; use Edit to complete it:
drafts-entry-gone = The entry this draft changes is no longer in the record (it was removed since the draft was made): there is nothing to publish it to. Reject the draft, or /add the event anew.
drafts-decided-published = ✅ Published by { $who } as { $id }.
drafts-decided-rejected = ❌ Rejected by { $who }.
drafts-decided-irrelevant = 🚫 Marked not relevant by { $who }.
drafts-btn-publish = ✅ Publish
drafts-btn-edit = ✏️ Edit
drafts-btn-reject = ❌ Reject
drafts-btn-irrelevant = 🚫 Not relevant
drafts-btn-open = Open { $id }
drafts-already-published = Already published by { $who }.
drafts-already-rejected = Already rejected by { $who }.
drafts-already-irrelevant = Already marked not relevant by { $who }.
drafts-editors-only = Only Parley's editors decide on drafts, in their private chat with the bot. Nothing was changed.
drafts-not-found = There is no draft { $id } any more.
drafts-busy = Another editor is publishing this draft right now.
drafts-done-published = Published as { $id }. Subscribers get the digest now.
drafts-done-rejected = Rejected.
drafts-done-irrelevant = Marked not relevant.
drafts-refused-short = Not published: see the reasons below.
drafts-refused = Nothing was written: the record refused this draft as it stands. Press ✏️ Edit under the draft to complete or correct it; the draft stays pending.
drafts-refused-outdated = Nothing was written: since draft { $draft } was made, another edit changed what it would change ({ $fields }), and publishing it would undo that edit. The draft now shows both; press ✏️ Edit to redo the change on the entry as it is now, or ❌ Reject.
drafts-refused-gone = Nothing was written: the entry <code>{ $id }</code> that draft { $draft } changes is no longer in the record. Reject the draft, or /add the event anew.
drafts-still-applies = The draft does not touch what changed: Publish applies it to the entry as it is now.
drafts-outdated = Publish would overwrite that change ({ $fields }), so it is refused. Press ✏️ Edit to redo the change on the entry as it is now, or ❌ Reject.
drafts-changed-since = The entry changed since this draft was made:
drafts-edit-change = The change of <code>{ $id }</code> proposed by draft { $draft } continues in /update: save it as it is, change a field, or cancel. The draft is closed when you save.
drafts-finish-dialogue-first = Finish or /cancel the entry you are editing first.
drafts-unavailable = Drafts from the news are not set up in this configuration.
drafts-none = No drafts are waiting: every report so far has been decided.
drafts-list-title = { $count ->
    [one] { $count } draft waits for a decision
   *[other] { $count } drafts wait for a decision
}
drafts-newer = Newer
drafts-older = Older
drafts-report-unreadable = I could not read { $url }: { $reason }. Paste the article's text instead.
drafts-outlet-editor = Sent by { $name }
drafts-report-duplicate = I have already read this report; nothing changed.
drafts-report-irrelevant = Not about a contact between the parties: { $reason }. No draft was made.
drafts-report-merged = Added as a report to draft { $id }.
drafts-report-known = Entry <code>{ $id }</code> already holds what this report says; nothing to change.
drafts-feed-down = ⚠️ The feed { $outlet } (<code>{ $feed }</code>) has failed since { $since }: { $error }. Check its address in data/sources.json.
