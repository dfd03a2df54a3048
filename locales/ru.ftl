# Parley: русский. Строки могут содержать HTML; переменные экранирует код.

## Команды
cmd-start = Начало и что отслеживает Parley
cmd-help = Все команды
cmd-latest = Последние события: /latest [1-20]
cmd-next = Что предстоит
cmd-event = Запись целиком: /event <id>
cmd-tracks = Направления, которые отслеживает Parley
cmd-track = Одно направление целиком: /track <id>
cmd-subscribe = Получать сводку при изменениях
cmd-unsubscribe = Отписаться от сводок
cmd-settings = Настройки сводок
cmd-lang = Язык: /lang en|ru|uk
cmd-tz = Часовой пояс: /tz Europe/Moscow

## Приветствие и справка
start-greeting =
    Здравствуйте{ $name ->
        [none] {""}
       *[other] , { $name }
    }! Я <b>Parley</b> — хроника дипломатических переговоров с источниками, прежде всего контактов России и США: телефонные разговоры лидеров, встреча в Эр-Рияде, стамбульские раунды о работе посольств, переговоры по украинскому урегулированию.
    Я расскажу, что произошло последним и что будет дальше, с источником для каждого факта, и могу присылать сводку, когда хроника меняется.
help-title = Команды
help-latest = последние события, сначала новые (по умолчанию 5, не больше 20)
help-next = что предстоит, с обратным отсчётом
help-event = запись целиком, со всеми источниками
help-tracks = направления
help-track = одно направление целиком
help-subscribe = сводки при изменениях (в личном чате @канал подписывает канал, которым вы управляете)
help-unsubscribe = отписаться от сводок
help-settings = что и когда присылать
help-lang = язык
help-tz = часовой пояс
help-help = этот список
help-start = приветствие
help-add = добавить запись в хронику, по одному вопросу
help-update = изменить запись: состоялась, перенесена, новая дата, место или источник
help-history = кто, когда и что менял в записи
help-cancel = прервать добавление или правку записи
btn-latest = Последнее
btn-next = Что предстоит
btn-subscribe = Подписаться
btn-older = Раньше
btn-newest = Самые новые
btn-later = Дальше
btn-soonest = Ближайшие
btn-track = Всё направление

## Списки
latest-title = Последние события
latest-empty = В хронике пока нет записей.
latest-no-older = Более ранних записей в хронике нет.
latest-bad-arg = «{ $arg }» — не подходящее число. Напишите /latest для 5 последних записей или /latest N, где N от 1 до { $max }, например <code>/latest 10</code>.
range = { $from }–{ $to } из { $total }
next-title = Что предстоит
next-undated-title = Объявлено, дата пока не назначена
next-nothing = Сейчас ничего не назначено и не объявлено.
next-last-held = Последнее состоявшееся событие каждого направления:
next-no-later = Дальше ничего не запланировано.
event-usage = Укажите id записи после команды, например <code>/event embassy-round-1</code>. Id видны в /latest, /track и на кнопках подробностей.
event-not-found = Записи с id <code>{ $id }</code> нет. Проверьте написание или найдите id через /latest или /tracks.
event-gone = Этой записи больше нет в хронике.
tracks-title = Направления, которые отслеживает Parley
track-usage = Укажите id направления после команды, например <code>/track embassy-operations</code>. Направления: { $ids }
track-not-found = Направления <code>{ $id }</code> нет. Направления: { $ids }
track-history = История
track-last = Последнее
track-next = Следующее
track-nothing-next = ничего не объявлено
entries-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}

## Поля записи
sources = Источники
participants = Участники
outcome = Итог
note = Расхождения источников / примечание
previous = Предыдущее
next-in-track = Следующее
sequence = раунд { $n }
duration = { $hours ->
    [0] { $minutes } мин
   *[other] { $minutes ->
        [0] { $hours } ч
       *[other] { $hours } ч { $minutes } мин
    }
}
date-not-set = дата пока не назначена
kind-call = Разговор
kind-meeting = Встреча
kind-round = Раунд
kind-summit = Саммит
kind-other = Другое
status-announced = объявлено
status-scheduled = назначено
status-held = состоялось
status-postponed = отложено
status-cancelled = отменено
party-us = США
party-ru = Россия
party-ua = Украина
party-mediator = Посредник

## Обратный отсчёт
countdown-today = сегодня
countdown-today-at = сегодня в { $time }
countdown-tomorrow = завтра
countdown-tomorrow-at = завтра в { $time }
countdown-days = { $days ->
    [one] через { $days } день
    [few] через { $days } дня
   *[other] через { $days } дней
}
countdown-minutes = { $minutes ->
    [one] через { $minutes } минуту
    [few] через { $minutes } минуты
   *[other] через { $minutes } минут
}
countdown-month = { $month }
countdown-started = идёт сейчас
countdown-past = дата прошла, новостей пока нет

## Настройки
lang-choose = Язык: { $current }. Выберите другой:
lang-set = Язык: { $lang }.
lang-bad-arg = Язык «{ $arg }» мне неизвестен. Напишите /lang ru, /lang uk или /lang en.
tz-current = Ваш часовой пояс — <b>{ $zone }</b> (там сейчас { $time }). Чтобы изменить, напишите /tz и пояс IANA, например <code>/tz Europe/Moscow</code> или <code>/tz Asia/Almaty</code>.
tz-set = Часовой пояс: <b>{ $zone }</b> (там сейчас { $time }). Даты и отсчёт теперь в нём.
tz-bad-arg = «{ $arg }» — не известный мне часовой пояс. Укажите имя IANA, например <code>Europe/Moscow</code>, <code>Europe/Kyiv</code>, <code>America/New_York</code> или <code>UTC</code>.
admins-only = Это могут изменить только администраторы чата.

## Прочее
unknown-command = Такой команды я не знаю. Список — в /help.
free-text = Я отвечаю на команды. Попробуйте /latest или /next, полный список — /help.
button-expired = Эта кнопка из старого сообщения; отправьте команду заново.
error-generic = Что-то пошло не так на моей стороне; попробуйте ещё раз чуть позже.
error-database-down = ⚠️ База данных сейчас недоступна, поэтому ничего не изменено. Попробуйте ещё раз через минуту; чтение (/latest, /next) работает.

## Digest
digest-title = 📰 <b>Parley: что изменилось в хронике</b>
digest-daily-title = 📰 <b>Parley: сводка за день, { $day }</b>
digest-new-dated = 🆕 Назначено: { $title } — { $when }
digest-new-undated = 🆕 Объявлено: { $title } — дата пока не назначена
digest-scheduled = 📅 Назначено: { $title } — { $when }
digest-announced = 📣 Объявлено: { $title } — { $when }
digest-held = ✅ Состоялось: { $title } — { $when }
digest-postponed = ⏸ Отложено: { $title }
digest-postponed-from = ⏸ Отложено: { $title } (планировалось: { $when })
digest-cancelled = ❌ Отменено: { $title }
digest-cancelled-from = ❌ Отменено: { $title } (планировалось: { $when })
digest-date-moved = 🔁 { $title }: новая дата — { $to } (была: { $from })
digest-date-set = 📅 { $title }: дата назначена — { $to }
digest-date-cleared = 🔁 { $title }: прежняя дата ({ $from }) больше не действует, новая пока не назначена
digest-place-moved = 📍 { $title }: новое место — { $to } (было: { $from })
digest-place-set = 📍 { $title }: место — { $to }
digest-place-cleared = 📍 { $title }: место ({ $from }) больше не подтверждено
digest-outcome-added = 📝 { $title }: итоги — { $outcome }
digest-outcome-changed = 📝 { $title }: итоги уточнены — { $outcome }
digest-more = { $count ->
    [one] …и ещё { $count } изменение: смотрите /latest
    [few] …и ещё { $count } изменения: смотрите /latest
   *[other] …и ещё { $count } изменений: смотрите /latest
}
digest-details = 🔎 Подробнее: { $label }
digest-reminder = ⏰ { $when }: { $title }

## Subscriptions
sub-created = { $where ->
    [private] 🔔 Вы подписаны. Я пришлю сводку, когда в хронике что-то изменится, и напомню о предстоящем. Что и когда присылать — в /settings; отписаться — /unsubscribe.
    [group] 🔔 Группа подписана. Я буду присылать сюда сводку, когда в хронике что-то изменится, и напоминать о предстоящем. Администраторы могут выбрать, что и когда присылать, в /settings.
    [topic] 🔔 Тема подписана: сводки и напоминания будут приходить сюда. Администраторы могут выбрать, что и когда присылать, в /settings.
   *[channel] 🔔 Канал { $channel } подписан: я буду публиковать там сводку, когда в хронике что-то изменится, и напоминать о предстоящем. Что и когда публиковать — <code>/settings { $ref }</code>.
}
sub-reactivated = { $where ->
    [private] 🔔 Вы снова подписаны, с прежними настройками. Изменить их — /settings.
    [group] 🔔 Группа снова подписана, с прежними настройками. Изменить их — /settings.
    [topic] 🔔 Тема снова подписана, с прежними настройками. Изменить их — /settings.
   *[channel] 🔔 Канал { $channel } снова подписан, с прежними настройками. Изменить их — <code>/settings { $ref }</code>.
}
sub-already = { $where ->
    [private] Вы уже подписаны. Что и когда присылать — в /settings; отписаться — /unsubscribe.
    [group] Группа уже подписана. Что и когда присылать — в /settings; отписаться — /unsubscribe.
    [topic] Тема уже подписана. Что и когда присылать — в /settings; отписаться — /unsubscribe.
   *[channel] Канал { $channel } уже подписан. Что и когда публиковать — <code>/settings { $ref }</code>; отписать — <code>/unsubscribe { $ref }</code>.
}
sub-stopped = { $where ->
    [private] 🔕 Вы отписались: сводок больше не будет. Вернуть их — /subscribe.
    [group] 🔕 Группа отписана: сводок здесь больше не будет. Вернуть их — /subscribe.
    [topic] 🔕 Тема отписана: сводок здесь больше не будет. Вернуть их — /subscribe.
   *[channel] 🔕 Канал { $channel } отписан: сводок там больше не будет. Вернуть их — <code>/subscribe { $ref }</code>.
}
sub-not-subscribed = { $where ->
    [private] Вы не подписаны. Чтобы получать сводку при изменениях, отправьте /subscribe.
    [group] Группа не подписана. Администратор может отправить /subscribe, чтобы сводки приходили сюда.
    [topic] Тема не подписана. Администратор может отправить здесь /subscribe, чтобы сводки приходили в неё.
   *[channel] Канал { $channel } не подписан. Чтобы публиковать там сводки, отправьте <code>/subscribe { $ref }</code>.
}
sub-admins-only = Извините, подписать или отписать этот чат и менять его сводки могут только администраторы. Получать сводки лично можно и так: отправьте мне /subscribe в личном чате.
sub-channel-from-private = Чтобы подписать канал, отправьте мне <code>/subscribe @канал</code> в личном чате.
sub-channel-bad-arg = «{ $arg }» — не похоже на канал. Укажите его @имя, например <code>/subscribe @mychannel</code>, или числовой id (-100…).
sub-channel-not-found = Не могу найти канал { $channel }. Проверьте написание. Если канал закрытый, сначала добавьте меня в него администратором и укажите числовой id (-100…).
sub-channel-bot-not-admin = Я не администратор канала { $channel }. Добавьте меня в { $channel } администратором с правом публиковать сообщения и снова отправьте <code>/subscribe { $ref }</code>.
sub-channel-bot-cannot-post = Я администратор канала { $channel }, но публиковать там не могу. Дайте мне право публиковать сообщения в настройках администраторов канала и снова отправьте <code>/subscribe { $ref }</code>.
sub-channel-user-not-admin = Подписать канал { $channel } или менять его сводки могут только его администраторы, а вы не среди них.
sub-channel-not-channel = { $type ->
    [private] { $channel } — это человек, а не канал. Чтобы подписать канал, укажите его @имя.
   *[group] { $channel } — это группа, а не канал. Чтобы сводки приходили туда, отправьте /subscribe в самой группе.
}
sub-channel-stopped = 🔕 Меня удалили из канала { $channel } или лишили права публиковать, поэтому сводки там остановлены. Чтобы возобновить, снова сделайте меня администратором с правом публиковать сообщения и отправьте <code>/subscribe { $ref }</code>.
set-title = Настройки сводок
set-where = { $where ->
    [private] этот чат
    [group] эта группа
    [topic] эта тема
   *[channel] { $channel }
}
set-not-subscribed = { $where ->
    [private] Вы не подписаны на сводки.
    [group] Группа не подписана на сводки.
    [topic] Тема не подписана на сводки.
   *[channel] Канал { $channel } не подписан на сводки.
}
set-all = все
set-on = вкл.
set-off = выкл.
set-tracks = Направления
set-kinds = Типы
set-delivery = Доставка
set-quiet = Тихие часы
set-reminders = Напоминания
set-delivery-instant = сразу, как хроника изменится
set-delivery-daily = раз в день в { $time } ({ $zone })
set-quiet-on = { $from }–{ $to } ({ $zone }), в это время сообщения приходят без звука
set-hours = { $hours } ч
set-reminders-on = { $count ->
    [0] для записей без времени — накануне в { $time }
   *[other] за { $before } до начала; для записей без времени — накануне в { $time }
}
set-prompt-tracks = Нажмите на направление, чтобы включить или исключить его.
set-prompt-kinds = Нажмите на тип, чтобы включить или исключить его.
set-prompt-delivery = Сводка может приходить сразу, как хроника изменится, или раз в день в выбранный час.
set-prompt-hour = В котором часу присылать ежедневную сводку? Часовой пояс { $zone } (изменить — /tz).
set-prompt-quiet = В тихие часы сообщения приходят без звука.
set-prompt-quiet-from = Тихие часы начинаются в… (часовой пояс { $zone })
set-prompt-quiet-to = …и заканчиваются в (часовой пояс { $zone })
set-prompt-reminders = Напоминания приходят перед разговорами, встречами и раундами с известной датой.
set-prompt-reminder-hour = Для записей с датой, но без времени: в котором часу напоминать накануне? (часовой пояс { $zone })
set-keep-one-track = Оставьте хотя бы одно направление или выберите «Все направления».
set-keep-one-kind = Оставьте хотя бы один тип или выберите «Все типы».
set-same-hour = Тихие часы должны заканчиваться в другой час, чем начинаются.
set-outdated = Настройки успели измениться; вот они сейчас.
btn-set-back = Назад
btn-set-unsubscribe = Отписаться
btn-set-all-tracks = Все направления
btn-set-all-kinds = Все типы
btn-set-instant = Сразу
btn-set-daily = Ежедневно в { $time }
btn-set-custom = Выбрать часы
btn-set-reminders-on = Напоминания
btn-set-before = За { $hours } ч
btn-set-day-before = Накануне в { $time }

## Editorial
cmd-add = Добавить запись в хронику (для редакторов)
cmd-update = Изменить запись: /update <id> (для редакторов)
cmd-history = Кто менял запись: /history <id> (для редакторов)
cmd-cancel = Прервать добавление или правку записи
editorial-admins-only = К сожалению, менять хронику могут только редакторы Parley. Читать её можно командами /latest, /next и /event.
editorial-private-only = Хронику редактируют в личном чате со мной: отправьте команду туда.
editorial-unavailable = В этой конфигурации редактирование хроники недоступно.
editorial-nothing-to-cancel = Отменять нечего: вы сейчас не добавляете и не правите запись.
editorial-cancelled = Отменено. Ничего не записано.
editorial-busy = Вы сейчас заполняете запись: ответьте на вопрос выше или отправьте /cancel, чтобы прервать.
editorial-text-expected = Ответьте, пожалуйста, текстом или отправьте /cancel, чтобы прервать.
editorial-choose-button = Выберите, пожалуйста, одну из кнопок выше или отправьте /cancel, чтобы прервать.
editorial-button-old = Эта кнопка относится к одному из прошлых вопросов.
editorial-add-intro = <b>Новая запись.</b> Я задам десять коротких вопросов и проверю каждый ответ сразу. /cancel на любом шаге прерывает работу, ничего не записывая.
editorial-step = <b>{ $n }/{ $total } · { $field }</b>
editorial-ask-track = К какому направлению относится запись? Выберите его или заведите новое.
editorial-btn-new-track = ➕ Новое направление
editorial-ask-new-track = Пришлите идентификатор и название нового направления одним сообщением: короткий id (a–z, 0–9 и «-»), пробел, затем название, например <code>arms-control Переговоры о контроле над вооружениями</code>.
editorial-ask-kind = Что это за контакт?
editorial-ask-status = На какой он стадии?
editorial-ask-date = Когда? Например <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 апреля 2025</code>, <code>10 апреля</code>, <code>завтра</code>; только месяц: <code>2025-04</code>; даты ещё нет: <code>не назначена</code>. Если год не указан, беру ближайшее такое число.
editorial-ask-time = Во сколько и в каком часовом поясе? Например <code>10:00 Europe/Istanbul</code>; время без пояса считаю по { $zone }. Или <code>пропустить</code>.
editorial-ask-place = Где? Город и страна, например <code>Стамбул, Турция</code>. Или <code>пропустить</code>.
editorial-ask-new-place = Новое место: город и страна, например <code>Стамбул, Турция</code>.
editorial-ask-participants =
    Кто участвует? По одному человеку в строке: <code>имя | должность | сторона</code>, где сторона — US, RU, UA или mediator (посредник), например:
    <code>Александр Дарчиев | посол России в США | RU</code>
    Или <code>пропустить</code>.
editorial-ask-new-participants =
    Кто присоединился? По одному человеку в строке: <code>имя | должность | сторона</code>, где сторона — US, RU, UA или mediator (посредник), например:
    <code>Сергей Рябков | замминистра иностранных дел | RU</code>
editorial-ask-title = Заголовок на русском, украинском или английском — язык я определю сам. Чтобы дать несколько версий, начните каждую с новой строки с <code>ru:</code>, <code>uk:</code> или <code>en:</code>.
editorial-ask-summary = Краткое содержание: что произошло или планируется, в нескольких предложениях; достаточно одного языка (несколько — как в заголовке).
editorial-ask-sources = Источники, по одному в строке: ссылка и/или название издания, например <code>Коммерсантъ https://www.kommersant.ru/…</code>. Язык источника можно указать так: <code>[ru]</code>.
editorial-ask-outcome = Чем всё закончилось? Итог в одном-двух предложениях, на одном языке или на нескольких (каждую версию начните с <code>ru:</code>, <code>uk:</code> или <code>en:</code>).
editorial-ask-field = Какой ответ вы хотите дать заново?
editorial-preview-title = <b>Предпросмотр</b> · у записи будет id <code>{ $id }</code>. Опубликуйте её, исправьте ответ или отмените.
editorial-problems = Хроника не примет такую запись:
editorial-btn-publish = ✅ Опубликовать
editorial-btn-edit = ✏️ Исправить
editorial-btn-cancel = ✖️ Отменить
editorial-published = Опубликовано: <code>{ $id }</code>. Запись видна по команде /event { $id }; подписчики получат её со следующей сводкой.
editorial-publish-failed = Ничего не записано: хроника не приняла запись:
editorial-update-usage = Укажите id записи после команды, например <code>/update embassy-round-3</code>. Id видны в /latest и /event.
editorial-update-what = <b>{ $title }</b> (<code>{ $id }</code>, { $status }). Что изменилось?
editorial-btn-held = ✅ Состоялось, с итогами
editorial-btn-postponed = ⏸ Отложено
editorial-btn-cancelled = 🚫 Отменено
editorial-btn-when = 📅 Новая дата или время
editorial-btn-place = 📍 Новое место
editorial-btn-source = 🔗 Добавить источник
editorial-btn-participant = 👤 Добавить участника
editorial-diff-title = <b>Изменения в записи</b> <code>{ $id }</code> (было → стало):
editorial-btn-save = 💾 Сохранить
editorial-btn-change = ✏️ Изменить поле
editorial-no-change = Это ничего не меняет: запись остаётся как есть.
editorial-saved = Сохранено: <code>{ $id }</code>. Запись видна по команде /event { $id }; подписчики получат изменение со следующей сводкой.
editorial-save-failed = Ничего не записано: хроника не приняла изменение:
editorial-history-usage = Укажите id записи после команды, например <code>/history embassy-round-3</code>.
editorial-history-empty = Изменений записи <code>{ $id }</code> в журнале нет: через Parley её не правили (ручные правки events.json в журнал не попадают).
editorial-history-title = <b>История записи</b> <code>{ $id }</code>, сначала новые ({ $count ->
    [one] { $count } изменение
    [few] { $count } изменения
   *[many] { $count } изменений
    })
editorial-action-add = добавил(а)
editorial-action-update = изменил(а)
editorial-action-revert = откатил(а)
editorial-action-removed = удалил(а), откатив добавление
editorial-via-cli = (командная строка)
editorial-field-track = Направление
editorial-field-kind = Формат
editorial-field-status = Статус
editorial-field-date = Дата
editorial-field-time = Время
editorial-field-place = Место
editorial-field-parties = Стороны
editorial-field-participants = Участники
editorial-field-title = Заголовок
editorial-field-summary = Содержание
editorial-field-outcome = Итоги
editorial-field-note = Примечание
editorial-field-duration = Длительность, мин
editorial-field-sequence = Номер раунда
editorial-field-sources = Источники
editorial-error-date-format = Не понимаю дату «{ $input }». Попробуйте <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 апреля 2025</code>, <code>завтра</code> или <code>не назначена</code>.
editorial-error-date-calendar = «{ $input }» — такого дня в календаре нет: проверьте число и месяц.
editorial-error-scheduled-needs-date = У запланированной записи должна быть дата. Укажите её или выберите статус «объявлено», если дата ещё неизвестна.
editorial-error-time-format = Не понимаю время «{ $input }». Напишите его как ЧЧ:ММ с часовым поясом, например <code>10:00 Europe/Istanbul</code>, или <code>пропустить</code>.
editorial-error-zone-unknown = Часовой пояс «{ $detail }» мне неизвестен. Используйте название IANA, например <code>Europe/Istanbul</code>, <code>Europe/Moscow</code> или <code>UTC</code>.
editorial-error-text-no-letters = Здесь нужен текст на русском, украинском или английском.
editorial-error-text-duplicate-lang = Версия «{ $detail }:» указана дважды; оставьте по одной на каждый язык.
editorial-error-participant-format = Не понимаю строку «{ $detail }». Пишите по одному человеку в строке: <code>имя | должность | сторона</code> или <code>имя | сторона</code>.
editorial-error-participant-side = Сторона «{ $detail }» мне неизвестна: используйте US, RU, UA или mediator.
editorial-error-source-format = В каждой строке нужна ссылка или название издания.
editorial-error-source-url = «{ $detail }» — не полный веб-адрес; он должен начинаться с https://.
editorial-error-place-format = Напишите город и страну через запятую, например <code>Стамбул, Турция</code>.
editorial-error-track-format = Пришлите короткий id (a–z, 0–9 и «-»), пробел, затем название, например <code>arms-control Контроль над вооружениями</code>.
editorial-error-track-taken = Направление <code>{ $id }</code> уже есть: выберите его кнопкой или придумайте другой id.
editorial-error-required = Этот шаг пропустить нельзя: ответьте, пожалуйста, или отправьте /cancel, чтобы прервать.
editorial-error-track-unknown = Направления «{ $input }» нет. Выберите одну из кнопок или нажмите «Новое направление».

## Веб-хронология (src/web/): простой текст, экранируется там, где используется

web-brand = Parley
web-title = Parley: хронология дипломатических переговоров
web-h1 = Хронология переговоров
web-intro = Хроника дипломатических переговоров с источниками: что предстоит, затем что уже было, по направлениям. У каждой записи есть ссылки на источники.
web-skip = Перейти к хронологии
web-nav-languages = Язык
web-footer-about = Parley ведёт хронику дипломатических переговоров; у каждой записи указаны источники.
web-footer-zone = Даты и обратный отсчёт — по часовому поясу { $zone }.
web-calendar-all = Добавить все направления в календарь (.ics)
web-calendar-track = Добавить «{ $track }» в календарь (.ics)
web-feed-atom = Лента изменений (Atom)
web-feed-json = Лента изменений (JSON Feed)
web-filters = Фильтр хронологии
web-filter-track = Направление
web-filter-kind = Тип
web-filter-all-tracks = Все направления
web-filter-all-kinds = Все типы
web-filter-submit = Показать
web-upcoming = Что предстоит
web-upcoming-empty = Сейчас ничего не назначено и не объявлено.
web-upcoming-more = Показаны только ближайшие { $count }; выберите направление или тип, чтобы увидеть остальные.
web-history = История
web-history-empty = Подходящих записей нет.
web-history-no-older = Более ранних записей нет.
web-page-n = страница { $page }
web-page-older = Более ранние записи
web-page-newer = Более новые записи
web-pages = Страницы истории
web-series-only = Показать только «{ $track }»
web-sources-more = ещё { $count }
web-breadcrumbs = Вы здесь
web-entry-series = Направление
web-entry-when = Когда
web-entry-countdown = Осталось
web-entry-kind = Тип
web-entry-status = Статус
web-entry-place = Место
web-entry-duration = Продолжительность
web-entry-parties = Стороны
web-entry-summary = Кратко
web-entry-around = В том же направлении
web-not-found-title = Страница не найдена
web-not-found-text = Записи «{ $id }» в хронике нет. Возможно, её переименовали или удалили.
web-back = Вернуться к хронологии
web-timeline-button = 🌐 Хронология

## Sharing: the calendar file, the share button, inline mode, /timeline
cmd-timeline = Серия на оси времени, картинкой: /timeline [серия]
help-timeline = картинка серии (или всех серий) на оси времени, по видам и статусам
btn-add-calendar = 📅 В календарь
btn-share = ↗️ Поделиться
btn-open-page = 🌐 Открыть страницу
calendar-caption = Откройте файл, чтобы добавить «{ $title }» в календарь.
calendar-no-date = У этой записи ещё нет дня, поэтому в календарь её не добавить.
inline-nothing = Ничего не найдено: попробуйте город, имя или дату
inline-page = Страница
timeline-title = { $track }: хронология
timeline-all-title = Все серии: хронология
timeline-caption = { $title } · записей: { $count } · на { $date }
timeline-legend-status = Статус
timeline-legend-kind = Вид
timeline-today = сегодня
timeline-empty = Пока нет записей с датой

## Черновики из новостей (редакторы)
cmd-drafts = Черновики из новостей, ждущие решения (для редакторов)
help-drafts = черновики из новостных сообщений, ждущие решения редактора, новые сверху
editorial-add-intro-draft = <b>Черновик { $draft } в диалоге /add.</b> Его значения уже заполнены; я спрошу только то, чего нет в сообщении, и покажу предпросмотр, где можно изменить любое поле. /cancel прерывает работу, ничего не записывая.
drafts-title-new = Черновик { $id } · новая запись
drafts-title-change = Черновик { $id } · изменение записи
drafts-change-of = изменение
drafts-stale = дата уже прошла
drafts-evidence = Откуда взято
drafts-guessed = догадка
drafts-guessed-fields = Догадки, а не прочитано в тексте: { $fields }
drafts-reports = { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[other] { $count } сообщений
}
drafts-not-publishable = В таком виде хроника не примет эту запись; дополните её кнопкой «Править»:
drafts-entry-gone = Записи, которую меняет этот черновик, в хронике больше нет (её удалили после того, как черновик появился): публиковать некуда. Отклоните черновик или добавьте событие заново через /add.
drafts-decided-published = ✅ Опубликовал(а) { $who } как { $id }.
drafts-decided-rejected = ❌ Отклонил(а) { $who }.
drafts-decided-irrelevant = 🚫 { $who }: не по теме.
drafts-btn-publish = ✅ Опубликовать
drafts-btn-edit = ✏️ Править
drafts-btn-reject = ❌ Отклонить
drafts-btn-irrelevant = 🚫 Не по теме
drafts-btn-open = Открыть { $id }
drafts-already-published = Уже опубликовано: { $who }.
drafts-already-rejected = Уже отклонено: { $who }.
drafts-already-irrelevant = Уже отмечено как не по теме: { $who }.
drafts-editors-only = Решения по черновикам принимают только редакторы Parley в личном чате с ботом. Ничего не изменилось.
drafts-not-found = Черновика { $id } больше нет.
drafts-busy = Этот черновик как раз публикует другой редактор.
drafts-done-published = Опубликовано как { $id }. Подписчики получают дайджест.
drafts-done-rejected = Отклонено.
drafts-done-irrelevant = Отмечено как не по теме.
drafts-refused-short = Не опубликовано: причины ниже.
drafts-refused = Ничего не записано: хроника не принимает черновик в таком виде. Нажмите ✏️ «Править» под черновиком, чтобы дополнить или исправить его; черновик ждёт решения.
drafts-refused-outdated = Ничего не записано: после того как появился черновик { $draft }, другая правка изменила то, что он меняет ({ $fields }), и публикация отменила бы её. Теперь черновик показывает обе; нажмите ✏️ «Править», чтобы внести изменение в запись, какой она стала, или ❌ «Отклонить».
drafts-refused-gone = Ничего не записано: записи <code>{ $id }</code>, которую меняет черновик { $draft }, в хронике больше нет. Отклоните черновик или добавьте событие заново через /add.
drafts-still-applies = Черновик не касается того, что изменилось: «Опубликовать» применит его к записи, какой она стала.
drafts-outdated = Публикация затёрла бы это изменение ({ $fields }), поэтому она невозможна. Нажмите ✏️ «Править», чтобы внести изменение в запись, какой она стала, или ❌ «Отклонить».
drafts-changed-since = Запись изменилась после того, как появился черновик:
drafts-edit-change = Изменение записи <code>{ $id }</code> из черновика { $draft } продолжается в /update: сохраните как есть, измените поле или отмените. Черновик закроется, когда вы сохраните.
drafts-finish-dialogue-first = Сначала закончите или прервите (/cancel) правку текущей записи.
drafts-unavailable = В этой конфигурации черновики из новостей не настроены.
drafts-none = Черновиков, ждущих решения, нет.
drafts-list-title = { $count ->
    [one] { $count } черновик ждёт решения
    [few] { $count } черновика ждут решения
   *[other] { $count } черновиков ждут решения
}
drafts-newer = Новее
drafts-older = Старше
drafts-report-unreadable = Не удалось прочитать { $url }: { $reason }. Пришлите текст статьи.
drafts-outlet-editor = Прислал(а) { $name }
drafts-report-duplicate = Это сообщение я уже читал; ничего не изменилось.
drafts-report-irrelevant = Это не о контакте между сторонами: { $reason }. Черновик не создан.
drafts-report-merged = Добавлено как источник к черновику { $id }.
drafts-report-known = В записи <code>{ $id }</code> уже есть всё, что сообщается; менять нечего.
drafts-feed-down = ⚠️ Лента { $outlet } (<code>{ $feed }</code>) не работает с { $since }: { $error }. Проверьте её адрес в data/sources.json.
