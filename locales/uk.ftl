# Parley: українська. Рядки можуть містити HTML; змінні екранує код.

## Команди
cmd-start = Початок і що відстежує Parley
cmd-help = Усі команди
cmd-latest = Останні події: /latest [1-20]
cmd-next = Що попереду
cmd-event = Запис повністю: /event <id>
cmd-tracks = Напрями, які відстежує Parley
cmd-track = Один напрям повністю: /track <id>
cmd-subscribe = Отримувати зведення при змінах
cmd-unsubscribe = Відписатися від зведень
cmd-settings = Налаштування зведень
cmd-lang = Мова: /lang en|ru|uk
cmd-tz = Часовий пояс: /tz Europe/Kyiv

## Привітання і довідка
start-greeting =
    Вітаю{ $name ->
        [none] {""}
       *[other] , { $name }
    }! Я <b>Parley</b> — хроніка дипломатичних переговорів із джерелами, насамперед контактів Росії та США: телефонні розмови лідерів, зустріч в Ер-Ріяді, стамбульські раунди щодо роботи посольств, переговори щодо врегулювання в Україні.
    Я розповім, що сталося останнім і що буде далі, з джерелом для кожного факту, і можу надсилати зведення, коли хроніка змінюється.
help =
    <b>Команди</b>
    /latest [N] — останні події, спершу нові (типово 5, не більше 20)
    /next — що попереду, зі зворотним відліком
    /event &lt;id&gt; — запис повністю, з усіма джерелами
    /tracks — напрями; /track &lt;id&gt; — один напрям повністю
    /subscribe, /unsubscribe — зведення при змінах; /settings — що і коли надсилати
    /lang en|ru|uk — мова; /tz &lt;пояс&gt; — часовий пояс (наприклад, /tz Europe/Kyiv)
    /help — цей список
btn-latest = Останнє
btn-next = Що попереду
btn-subscribe = Підписатися
btn-older = Раніше
btn-newest = Найновіші
btn-track = Весь напрям

## Списки
latest-title = Останні події
latest-empty = У хроніці ще немає записів.
latest-no-older = Раніших записів у хроніці немає.
latest-bad-arg = «{ $arg }» — не придатне число. Напишіть /latest для 5 останніх записів або /latest N, де N від 1 до { $max }, наприклад <code>/latest 10</code>.
range = { $from }–{ $to } з { $total }
next-title = Що попереду
next-undated-title = Оголошено, дату ще не призначено
next-nothing = Зараз нічого не призначено й не оголошено.
next-last-held = Остання подія, що відбулася, у кожному напрямі:
event-usage = Вкажіть id запису після команди, наприклад <code>/event embassy-round-1</code>. Id видно в /latest, /track і на кнопках подробиць.
event-not-found = Запису з id <code>{ $id }</code> немає. Перевірте написання або знайдіть id через /latest чи /tracks.
event-gone = Цього запису вже немає в хроніці.
tracks-title = Напрями, які відстежує Parley
track-usage = Вкажіть id напряму після команди, наприклад <code>/track embassy-operations</code>. Напрями: { $ids }
track-not-found = Напряму <code>{ $id }</code> немає. Напрями: { $ids }
track-history = Історія
track-last = Остання
track-next = Наступна
track-nothing-next = нічого не оголошено
entries-count = { $count ->
    [one] { $count } запис
    [few] { $count } записи
   *[other] { $count } записів
}

## Поля запису
sources = Джерела
participants = Учасники
outcome = Підсумок
note = Розбіжності джерел / примітка
previous = Попередня
next-in-track = Наступна
sequence = раунд { $n }
duration = { $hours ->
    [0] { $minutes } хв
   *[other] { $minutes ->
        [0] { $hours } год
       *[other] { $hours } год { $minutes } хв
    }
}
date-not-set = дату ще не призначено
kind-call = Розмова
kind-meeting = Зустріч
kind-round = Раунд
kind-summit = Саміт
kind-other = Інше
status-announced = оголошено
status-scheduled = призначено
status-held = відбулася
status-postponed = відкладено
status-cancelled = скасовано
party-us = США
party-ru = Росія
party-ua = Україна
party-mediator = Посередник

## Зворотний відлік
countdown-today = сьогодні
countdown-today-at = сьогодні о { $time }
countdown-tomorrow = завтра
countdown-tomorrow-at = завтра о { $time }
countdown-days = { $days ->
    [one] через { $days } день
    [few] через { $days } дні
   *[other] через { $days } днів
}
countdown-minutes = { $minutes ->
    [one] через { $minutes } хвилину
    [few] через { $minutes } хвилини
   *[other] через { $minutes } хвилин
}
countdown-month = { $month }
countdown-started = триває зараз
countdown-past = дата минула, новин поки немає

## Налаштування
lang-choose = Мова: { $current }. Оберіть іншу:
lang-set = Мова: { $lang }.
lang-bad-arg = Мови «{ $arg }» я не знаю. Напишіть /lang uk, /lang ru або /lang en.
tz-current = Ваш часовий пояс — <b>{ $zone }</b> (там зараз { $time }). Щоб змінити, напишіть /tz і пояс IANA, наприклад <code>/tz Europe/Kyiv</code> або <code>/tz America/New_York</code>.
tz-set = Часовий пояс: <b>{ $zone }</b> (там зараз { $time }). Дати й відлік тепер у ньому.
tz-bad-arg = «{ $arg }» — невідомий мені часовий пояс. Вкажіть назву IANA, наприклад <code>Europe/Kyiv</code>, <code>Europe/Moscow</code>, <code>America/New_York</code> або <code>UTC</code>.
admins-only = Це можуть змінити лише адміністратори чату.

## Інше
unknown-command = Такої команди я не знаю. Перелік — у /help.
free-text = Я відповідаю на команди. Спробуйте /latest або /next, повний перелік — /help.
button-expired = Ця кнопка зі старого повідомлення; надішліть команду знову.
error-generic = Щось пішло не так на моєму боці; спробуйте ще раз трохи згодом.
