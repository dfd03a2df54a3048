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
help =
    <b>Команды</b>
    /latest [N] — последние события, сначала новые (по умолчанию 5, не больше 20)
    /next — что предстоит, с обратным отсчётом
    /event &lt;id&gt; — запись целиком, со всеми источниками
    /tracks — направления; /track &lt;id&gt; — одно направление целиком
    /subscribe, /unsubscribe — сводки при изменениях; /settings — что и когда присылать
    /lang en|ru|uk — язык; /tz &lt;пояс&gt; — часовой пояс (например, /tz Europe/Moscow)
    /help — этот список
btn-latest = Последнее
btn-next = Что предстоит
btn-subscribe = Подписаться
btn-older = Раньше
btn-newest = Самые новые
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
