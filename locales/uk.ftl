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
help-title = Команди
help-latest = останні події, спершу нові (типово 5, не більше 20)
help-next = що попереду, зі зворотним відліком
help-event = запис повністю, з усіма джерелами
help-tracks = напрями
help-track = один напрям повністю
help-subscribe = зведення при змінах (в особистому чаті @канал підписує канал, яким ви керуєте)
help-unsubscribe = відписатися від зведень
help-settings = що і коли надсилати
help-lang = мова
help-tz = часовий пояс
help-help = цей список
help-start = привітання
help-add = додати запис до хроніки, по одному питанню
help-update = змінити запис: відбулася, перенесена, нова дата, місце чи джерело
help-history = хто, коли і що змінював у записі
help-cancel = перервати додавання чи редагування запису
btn-latest = Останнє
btn-next = Що попереду
btn-subscribe = Підписатися
btn-older = Раніше
btn-newest = Найновіші
btn-later = Далі
btn-soonest = Найближчі
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
next-no-later = Далі нічого не заплановано.
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
error-database-down = ⚠️ База даних зараз недоступна, тому нічого не змінено. Спробуйте ще раз за хвилину; читання (/latest, /next) працює.

## Digest
digest-title = 📰 <b>Parley: що змінилося в хроніці</b>
digest-daily-title = 📰 <b>Parley: зведення за день, { $day }</b>
digest-new-dated = 🆕 Призначено: { $title } — { $when }
digest-new-undated = 🆕 Оголошено: { $title } — дату ще не призначено
digest-scheduled = 📅 Призначено: { $title } — { $when }
digest-announced = 📣 Оголошено: { $title } — { $when }
digest-held = ✅ Відбулося: { $title } — { $when }
digest-postponed = ⏸ Відкладено: { $title }
digest-postponed-from = ⏸ Відкладено: { $title } (планувалося: { $when })
digest-cancelled = ❌ Скасовано: { $title }
digest-cancelled-from = ❌ Скасовано: { $title } (планувалося: { $when })
digest-date-moved = 🔁 { $title }: нова дата — { $to } (була: { $from })
digest-date-set = 📅 { $title }: дату призначено — { $to }
digest-date-cleared = 🔁 { $title }: попередня дата ({ $from }) вже не актуальна, нову ще не призначено
digest-place-moved = 📍 { $title }: нове місце — { $to } (було: { $from })
digest-place-set = 📍 { $title }: місце — { $to }
digest-place-cleared = 📍 { $title }: місце ({ $from }) більше не підтверджене
digest-outcome-added = 📝 { $title }: підсумки — { $outcome }
digest-outcome-changed = 📝 { $title }: підсумки уточнено — { $outcome }
digest-more = { $count ->
    [one] …і ще { $count } зміна: дивіться /latest
    [few] …і ще { $count } зміни: дивіться /latest
   *[other] …і ще { $count } змін: дивіться /latest
}
digest-details = 🔎 Детальніше: { $label }
digest-reminder = ⏰ { $when }: { $title }

## Subscriptions
sub-created = { $where ->
    [private] 🔔 Ви підписані. Я надішлю зведення, коли в хроніці щось зміниться, і нагадаю про майбутнє. Що і коли надсилати — у /settings; відписатися — /unsubscribe.
    [group] 🔔 Групу підписано. Я надсилатиму сюди зведення, коли в хроніці щось зміниться, і нагадуватиму про майбутнє. Адміністратори можуть обрати, що і коли надсилати, у /settings.
    [topic] 🔔 Тему підписано: зведення й нагадування надходитимуть сюди. Адміністратори можуть обрати, що і коли надсилати, у /settings.
   *[channel] 🔔 Канал { $channel } підписано: я публікуватиму там зведення, коли в хроніці щось зміниться, і нагадуватиму про майбутнє. Що і коли публікувати — <code>/settings { $ref }</code>.
}
sub-reactivated = { $where ->
    [private] 🔔 Ви знову підписані, з попередніми налаштуваннями. Змінити їх — /settings.
    [group] 🔔 Групу знову підписано, з попередніми налаштуваннями. Змінити їх — /settings.
    [topic] 🔔 Тему знову підписано, з попередніми налаштуваннями. Змінити їх — /settings.
   *[channel] 🔔 Канал { $channel } знову підписано, з попередніми налаштуваннями. Змінити їх — <code>/settings { $ref }</code>.
}
sub-already = { $where ->
    [private] Ви вже підписані. Що і коли надсилати — у /settings; відписатися — /unsubscribe.
    [group] Групу вже підписано. Що і коли надсилати — у /settings; відписати — /unsubscribe.
    [topic] Тему вже підписано. Що і коли надсилати — у /settings; відписати — /unsubscribe.
   *[channel] Канал { $channel } вже підписано. Що і коли публікувати — <code>/settings { $ref }</code>; відписати — <code>/unsubscribe { $ref }</code>.
}
sub-stopped = { $where ->
    [private] 🔕 Ви відписалися: зведень більше не буде. Повернути їх — /subscribe.
    [group] 🔕 Групу відписано: зведень тут більше не буде. Повернути їх — /subscribe.
    [topic] 🔕 Тему відписано: зведень тут більше не буде. Повернути їх — /subscribe.
   *[channel] 🔕 Канал { $channel } відписано: зведень там більше не буде. Повернути їх — <code>/subscribe { $ref }</code>.
}
sub-not-subscribed = { $where ->
    [private] Ви не підписані. Щоб отримувати зведення при змінах, надішліть /subscribe.
    [group] Групу не підписано. Адміністратор може надіслати /subscribe, щоб зведення надходили сюди.
    [topic] Тему не підписано. Адміністратор може надіслати тут /subscribe, щоб зведення надходили в неї.
   *[channel] Канал { $channel } не підписано. Щоб публікувати там зведення, надішліть <code>/subscribe { $ref }</code>.
}
sub-admins-only = Вибачте, підписати чи відписати цей чат і змінювати його зведення можуть лише адміністратори. Отримувати зведення особисто можна й так: надішліть мені /subscribe в особистому чаті.
sub-channel-from-private = Щоб підписати канал, надішліть мені <code>/subscribe @канал</code> в особистому чаті.
sub-channel-bad-arg = «{ $arg }» не схоже на канал. Вкажіть його @ім'я, наприклад <code>/subscribe @mychannel</code>, або числовий id (-100…).
sub-channel-not-found = Не можу знайти канал { $channel }. Перевірте написання. Якщо канал закритий, спершу додайте мене до нього адміністратором і вкажіть числовий id (-100…).
sub-channel-bot-not-admin = Я не адміністратор каналу { $channel }. Додайте мене до { $channel } адміністратором із правом публікувати повідомлення і знову надішліть <code>/subscribe { $ref }</code>.
sub-channel-bot-cannot-post = Я адміністратор каналу { $channel }, але публікувати там не можу. Дайте мені право публікувати повідомлення в налаштуваннях адміністраторів каналу і знову надішліть <code>/subscribe { $ref }</code>.
sub-channel-user-not-admin = Підписати канал { $channel } чи змінювати його зведення можуть лише його адміністратори, а ви не серед них.
sub-channel-not-channel = { $type ->
    [private] { $channel } — це людина, а не канал. Щоб підписати канал, вкажіть його @ім'я.
   *[group] { $channel } — це група, а не канал. Щоб зведення надходили туди, надішліть /subscribe у самій групі.
}
sub-channel-stopped = 🔕 Мене видалили з каналу { $channel } або позбавили права публікувати, тож зведення там зупинено. Щоб відновити, знову зробіть мене адміністратором із правом публікувати повідомлення і надішліть <code>/subscribe { $ref }</code>.
set-title = Налаштування зведень
set-where = { $where ->
    [private] цей чат
    [group] ця група
    [topic] ця тема
   *[channel] { $channel }
}
set-not-subscribed = { $where ->
    [private] Ви не підписані на зведення.
    [group] Групу не підписано на зведення.
    [topic] Тему не підписано на зведення.
   *[channel] Канал { $channel } не підписано на зведення.
}
set-all = усі
set-on = увімк.
set-off = вимк.
set-tracks = Напрями
set-kinds = Типи
set-delivery = Доставка
set-quiet = Тихі години
set-reminders = Нагадування
set-delivery-instant = одразу, щойно хроніка зміниться
set-delivery-daily = раз на день о { $time } ({ $zone })
set-quiet-on = { $from }–{ $to } ({ $zone }), у цей час повідомлення надходять без звуку
set-hours = { $hours } год
set-reminders-on = { $count ->
    [0] для записів без часу — напередодні о { $time }
   *[other] за { $before } до початку; для записів без часу — напередодні о { $time }
}
set-prompt-tracks = Натисніть на напрям, щоб увімкнути або виключити його.
set-prompt-kinds = Натисніть на тип, щоб увімкнути або виключити його.
set-prompt-delivery = Зведення може надходити одразу, щойно хроніка зміниться, або раз на день в обрану годину.
set-prompt-hour = О котрій годині надсилати щоденне зведення? Часовий пояс { $zone } (змінити — /tz).
set-prompt-quiet = У тихі години повідомлення надходять без звуку.
set-prompt-quiet-from = Тихі години починаються о… (часовий пояс { $zone })
set-prompt-quiet-to = …і закінчуються о (часовий пояс { $zone })
set-prompt-reminders = Нагадування надходять перед розмовами, зустрічами й раундами з відомою датою.
set-prompt-reminder-hour = Для записів із датою, але без часу: о котрій годині нагадувати напередодні? (часовий пояс { $zone })
set-keep-one-track = Залиште хоча б один напрям або оберіть «Усі напрями».
set-keep-one-kind = Залиште хоча б один тип або оберіть «Усі типи».
set-same-hour = Тихі години мають закінчуватися в іншу годину, ніж починаються.
set-outdated = Налаштування встигли змінитися; ось які вони зараз.
btn-set-back = Назад
btn-set-unsubscribe = Відписатися
btn-set-all-tracks = Усі напрями
btn-set-all-kinds = Усі типи
btn-set-instant = Одразу
btn-set-daily = Щодня о { $time }
btn-set-custom = Обрати години
btn-set-reminders-on = Нагадування
btn-set-before = За { $hours } год
btn-set-day-before = Напередодні о { $time }

## Editorial
cmd-add = Додати запис до хроніки (для редакторів)
cmd-update = Змінити запис: /update <id> (для редакторів)
cmd-history = Хто змінював запис: /history <id> (для редакторів)
cmd-cancel = Перервати додавання чи редагування запису
editorial-admins-only = На жаль, змінювати хроніку можуть лише редактори Parley. Читати її можна командами /latest, /next і /event.
editorial-private-only = Хроніку редагують в особистому чаті зі мною: надішліть команду туди.
editorial-unavailable = У цій конфігурації редагування хроніки недоступне.
editorial-nothing-to-cancel = Скасовувати нічого: ви зараз не додаєте й не редагуєте запис.
editorial-cancelled = Скасовано. Нічого не записано.
editorial-busy = Ви зараз заповнюєте запис: дайте відповідь на запитання вище або надішліть /cancel, щоб перервати.
editorial-text-expected = Відповідайте, будь ласка, текстом або надішліть /cancel, щоб перервати.
editorial-choose-button = Оберіть, будь ласка, одну з кнопок вище або надішліть /cancel, щоб перервати.
editorial-button-old = Ця кнопка стосується одного з попередніх запитань.
editorial-add-intro = <b>Новий запис.</b> Я поставлю десять коротких запитань і перевірятиму кожну відповідь одразу. /cancel на будь-якому кроці перериває роботу й нічого не записує.
editorial-step = <b>{ $n }/{ $total } · { $field }</b>
editorial-ask-track = До якого напряму належить запис? Оберіть його або створіть новий.
editorial-btn-new-track = ➕ Новий напрям
editorial-ask-new-track = Надішліть ідентифікатор і назву нового напряму одним повідомленням: короткий id (a–z, 0–9 і «-»), пробіл, а далі назва, наприклад <code>arms-control Переговори про контроль над озброєннями</code>.
editorial-ask-kind = Що це за контакт?
editorial-ask-status = На якому він етапі?
editorial-ask-date = Коли? Наприклад <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 квітня 2025</code>, <code>10 квітня</code>, <code>завтра</code>; лише місяць: <code>2025-04</code>; дати ще немає: <code>не призначено</code>. Якщо рік не вказано, беру найближчий такий день.
editorial-ask-time = О котрій і в якому часовому поясі? Наприклад <code>10:00 Europe/Istanbul</code>; час без поясу рахую за { $zone }. Або <code>пропустити</code>.
editorial-ask-place = Де? Місто й країна, наприклад <code>Стамбул, Туреччина</code>. Або <code>пропустити</code>.
editorial-ask-new-place = Нове місце: місто й країна, наприклад <code>Стамбул, Туреччина</code>.
editorial-ask-participants =
    Хто бере участь? По одній особі в рядку: <code>ім’я | посада | сторона</code>, де сторона — US, RU, UA або mediator (посередник), наприклад:
    <code>Марко Рубіо | державний секретар США | US</code>
    Або <code>пропустити</code>.
editorial-ask-new-participants =
    Хто долучився? По одній особі в рядку: <code>ім’я | посада | сторона</code>, де сторона — US, RU, UA або mediator (посередник), наприклад:
    <code>Стів Віткофф | спецпосланець президента США | US</code>
editorial-ask-title = Заголовок українською, російською чи англійською — мову я визначу сам. Щоб дати кілька версій, почніть кожну з нового рядка з <code>uk:</code>, <code>ru:</code> або <code>en:</code>.
editorial-ask-summary = Стислий зміст: що сталося або планується, кількома реченнями; досить однієї мови (кілька — як у заголовку).
editorial-ask-sources = Джерела, по одному в рядку: посилання та/або назва видання, наприклад <code>Українська правда https://www.pravda.com.ua/…</code>. Мову джерела можна позначити так: <code>[uk]</code>.
editorial-ask-outcome = Чим усе завершилося? Підсумок одним-двома реченнями, однією мовою або кількома (кожну версію почніть з <code>uk:</code>, <code>ru:</code> або <code>en:</code>).
editorial-ask-field = Яку відповідь ви хочете дати заново?
editorial-preview-title = <b>Попередній перегляд</b> · запис отримає id <code>{ $id }</code>. Опублікуйте його, виправте відповідь або скасуйте.
editorial-problems = Хроніка не прийме такий запис:
editorial-btn-publish = ✅ Опублікувати
editorial-btn-edit = ✏️ Виправити
editorial-btn-cancel = ✖️ Скасувати
editorial-published = Опубліковано: <code>{ $id }</code>. Запис видно за командою /event { $id }; підписники отримають його з наступним зведенням.
editorial-publish-failed = Нічого не записано: хроніка не прийняла запис:
editorial-update-usage = Вкажіть id запису після команди, наприклад <code>/update embassy-round-3</code>. Id видно в /latest і /event.
editorial-update-what = <b>{ $title }</b> (<code>{ $id }</code>, { $status }). Що змінилося?
editorial-btn-held = ✅ Відбулася, з підсумками
editorial-btn-postponed = ⏸ Відкладено
editorial-btn-cancelled = 🚫 Скасовано
editorial-btn-when = 📅 Нова дата чи час
editorial-btn-place = 📍 Нове місце
editorial-btn-source = 🔗 Додати джерело
editorial-btn-participant = 👤 Додати учасника
editorial-diff-title = <b>Зміни в записі</b> <code>{ $id }</code> (було → стало):
editorial-btn-save = 💾 Зберегти
editorial-btn-change = ✏️ Змінити поле
editorial-no-change = Це нічого не змінює: запис лишається як є.
editorial-saved = Збережено: <code>{ $id }</code>. Запис видно за командою /event { $id }; підписники отримають зміну з наступним зведенням.
editorial-save-failed = Нічого не записано: хроніка не прийняла зміну:
editorial-history-usage = Вкажіть id запису після команди, наприклад <code>/history embassy-round-3</code>.
editorial-history-empty = Змін запису <code>{ $id }</code> у журналі немає: через Parley його не редагували (ручні правки events.json до журналу не потрапляють).
editorial-history-title = <b>Історія запису</b> <code>{ $id }</code>, спершу нові ({ $count ->
    [one] { $count } зміна
    [few] { $count } зміни
   *[many] { $count } змін
    })
editorial-action-add = додав(ла)
editorial-action-update = змінив(ла)
editorial-action-revert = скасував(ла) зміну
editorial-action-removed = видалив(ла), скасувавши додавання
editorial-via-cli = (командний рядок)
editorial-field-track = Напрям
editorial-field-kind = Формат
editorial-field-status = Статус
editorial-field-date = Дата
editorial-field-time = Час
editorial-field-place = Місце
editorial-field-parties = Сторони
editorial-field-participants = Учасники
editorial-field-title = Заголовок
editorial-field-summary = Зміст
editorial-field-outcome = Підсумки
editorial-field-note = Примітка
editorial-field-duration = Тривалість, хв
editorial-field-sequence = Номер раунду
editorial-field-sources = Джерела
editorial-error-date-format = Не розумію дату «{ $input }». Спробуйте <code>2025-04-10</code>, <code>10.04.2025</code>, <code>10 квітня 2025</code>, <code>завтра</code> або <code>не призначено</code>.
editorial-error-date-calendar = «{ $input }» — такого дня в календарі немає: перевірте число й місяць.
editorial-error-scheduled-needs-date = Запланований запис має мати дату. Вкажіть її або оберіть статус «оголошено», якщо дата ще невідома.
editorial-error-time-format = Не розумію час «{ $input }». Напишіть його як ГГ:ХХ із часовим поясом, наприклад <code>10:00 Europe/Istanbul</code>, або <code>пропустити</code>.
editorial-error-zone-unknown = Часовий пояс «{ $detail }» мені невідомий. Використовуйте назву IANA, наприклад <code>Europe/Istanbul</code>, <code>Europe/Kyiv</code> або <code>UTC</code>.
editorial-error-text-no-letters = Тут потрібен текст українською, російською або англійською.
editorial-error-text-duplicate-lang = Версію «{ $detail }:» вказано двічі; залиште по одній для кожної мови.
editorial-error-participant-format = Не розумію рядок «{ $detail }». Пишіть по одній особі в рядку: <code>ім’я | посада | сторона</code> або <code>ім’я | сторона</code>.
editorial-error-participant-side = Сторона «{ $detail }» мені невідома: використовуйте US, RU, UA або mediator.
editorial-error-source-format = У кожному рядку потрібне посилання або назва видання.
editorial-error-source-url = «{ $detail }» — неповна вебадреса; вона має починатися з https://.
editorial-error-place-format = Напишіть місто й країну через кому, наприклад <code>Стамбул, Туреччина</code>.
editorial-error-track-format = Надішліть короткий id (a–z, 0–9 і «-»), пробіл, а далі назву, наприклад <code>arms-control Контроль над озброєннями</code>.
editorial-error-track-taken = Напрям <code>{ $id }</code> уже існує: оберіть його кнопкою або придумайте інший id.
editorial-error-required = Цей крок пропустити не можна: дайте, будь ласка, відповідь або надішліть /cancel, щоб перервати.
editorial-error-track-unknown = Напряму «{ $input }» немає. Оберіть одну з кнопок або натисніть «Новий напрям».

## Веб-хронологія (src/web/): простий текст, екранується там, де використовується

web-brand = Parley
web-title = Parley: хронологія дипломатичних переговорів
web-h1 = Хронологія переговорів
web-intro = Хроніка дипломатичних переговорів із джерелами: що попереду, а потім що вже відбулося, за напрямами. Кожен запис має посилання на джерела.
web-skip = Перейти до хронології
web-nav-languages = Мова
web-footer-about = Parley веде хроніку дипломатичних переговорів; у кожного запису зазначено джерела.
web-footer-zone = Дати й зворотний відлік — за часовим поясом { $zone }.
web-calendar-all = Додати всі напрями до календаря (.ics)
web-calendar-track = Додати «{ $track }» до календаря (.ics)
web-feed-atom = Стрічка змін (Atom)
web-feed-json = Стрічка змін (JSON Feed)
web-filters = Фільтр хронології
web-filter-track = Напрям
web-filter-kind = Тип
web-filter-all-tracks = Усі напрями
web-filter-all-kinds = Усі типи
web-filter-submit = Показати
web-upcoming = Що попереду
web-upcoming-empty = Наразі нічого не призначено й не оголошено.
web-upcoming-more = Показано лише найближчі { $count }; оберіть напрям або тип, щоб побачити інші.
web-history = Історія
web-history-empty = Відповідних записів немає.
web-history-no-older = Раніших записів немає.
web-page-n = сторінка { $page }
web-page-older = Раніші записи
web-page-newer = Новіші записи
web-pages = Сторінки історії
web-series-only = Показати лише «{ $track }»
web-sources-more = ще { $count }
web-breadcrumbs = Ви тут
web-entry-series = Напрям
web-entry-when = Коли
web-entry-countdown = Залишилося
web-entry-kind = Тип
web-entry-status = Статус
web-entry-place = Місце
web-entry-duration = Тривалість
web-entry-parties = Сторони
web-entry-summary = Коротко
web-entry-around = У тому ж напрямі
web-not-found-title = Сторінку не знайдено
web-not-found-text = Запису «{ $id }» у хроніці немає. Можливо, його перейменовано або вилучено.
web-back = Повернутися до хронології
web-timeline-button = 🌐 Хронологія

## Sharing: the calendar file, the share button, inline mode, /timeline
cmd-timeline = Серія на осі часу, картинкою: /timeline [серія]
help-timeline = картинка серії (або всіх серій) на осі часу, за видами й статусами
btn-add-calendar = 📅 До календаря
btn-share = ↗️ Поділитися
btn-open-page = 🌐 Відкрити сторінку
calendar-caption = Відкрийте файл, щоб додати «{ $title }» до календаря.
calendar-no-date = Цей запис ще не має дня, тож до календаря його не додати.
inline-nothing = Нічого не знайдено: спробуйте місто, ім'я або дату
inline-page = Сторінка
timeline-title = { $track }: хронологія
timeline-all-title = Усі серії: хронологія
timeline-caption = { $title } · записів: { $count } · на { $date }
timeline-legend-status = Статус
timeline-legend-kind = Вид
timeline-today = сьогодні
timeline-empty = Поки немає записів із датою

## Чернетки з новин (редактори)
cmd-drafts = Чернетки з новин, що чекають на рішення (для редакторів)
help-drafts = чернетки з новинних повідомлень, що чекають на рішення редактора, нові згори
editorial-add-intro-draft = <b>Чернетка { $draft } у діалозі /add.</b> Її значення вже заповнено; я запитаю лише те, чого немає в повідомленні, і покажу попередній перегляд, де можна змінити будь-яке поле. /cancel перериває роботу, нічого не записуючи.
drafts-title-new = Чернетка { $id } · новий запис
drafts-title-change = Чернетка { $id } · зміна запису
drafts-change-of = зміна
drafts-stale = дата вже минула
drafts-evidence = Звідки взято
drafts-guessed = здогад
drafts-guessed-fields = Здогади, а не прочитано в тексті: { $fields }
drafts-reports = { $count ->
    [one] { $count } повідомлення
    [few] { $count } повідомлення
   *[other] { $count } повідомлень
}
drafts-not-publishable = У такому вигляді хроніка не прийме цей запис; доповніть його кнопкою «Редагувати»:
drafts-entry-gone = Запису, який змінює ця чернетка, у хроніці вже немає (його вилучили після появи чернетки): публікувати нікуди. Відхиліть чернетку або додайте подію наново через /add.
drafts-decided-published = ✅ Опублікував(ла) { $who } як { $id }.
drafts-decided-rejected = ❌ Відхилив(ла) { $who }.
drafts-decided-irrelevant = 🚫 { $who }: не за темою.
drafts-btn-publish = ✅ Опублікувати
drafts-btn-edit = ✏️ Редагувати
drafts-btn-reject = ❌ Відхилити
drafts-btn-irrelevant = 🚫 Не за темою
drafts-btn-open = Відкрити { $id }
drafts-already-published = Уже опубліковано: { $who }.
drafts-already-rejected = Уже відхилено: { $who }.
drafts-already-irrelevant = Уже позначено як не за темою: { $who }.
drafts-editors-only = Рішення щодо чернеток ухвалюють лише редактори Parley в особистому чаті з ботом. Нічого не змінилося.
drafts-not-found = Чернетки { $id } більше немає.
drafts-busy = Цю чернетку саме публікує інший редактор.
drafts-done-published = Опубліковано як { $id }. Підписники отримують дайджест.
drafts-done-rejected = Відхилено.
drafts-done-irrelevant = Позначено як не за темою.
drafts-refused-short = Не опубліковано: причини нижче.
drafts-refused = Нічого не записано: хроніка не приймає чернетку в такому вигляді. Натисніть ✏️ «Редагувати» під чернеткою, щоб доповнити чи виправити її; чернетка чекає на рішення.
drafts-refused-outdated = Нічого не записано: після появи чернетки { $draft } інша правка змінила те, що вона змінює ({ $fields }), і публікація скасувала б її. Тепер чернетка показує обидві; натисніть ✏️ «Редагувати», щоб внести зміну в запис, яким він став, або ❌ «Відхилити».
drafts-refused-gone = Нічого не записано: запису <code>{ $id }</code>, який змінює чернетка { $draft }, у хроніці вже немає. Відхиліть чернетку або додайте подію наново через /add.
drafts-still-applies = Чернетка не стосується того, що змінилося: «Опублікувати» застосує її до запису, яким він став.
drafts-outdated = Публікація затерла б цю зміну ({ $fields }), тому вона неможлива. Натисніть ✏️ «Редагувати», щоб внести зміну в запис, яким він став, або ❌ «Відхилити».
drafts-changed-since = Запис змінився після появи чернетки:
drafts-edit-change = Зміна запису <code>{ $id }</code> з чернетки { $draft } триває в /update: збережіть як є, змініть поле або скасуйте. Чернетка закриється, коли ви збережете.
drafts-finish-dialogue-first = Спершу завершіть або перервіть (/cancel) редагування поточного запису.
drafts-unavailable = У цій конфігурації чернетки з новин не налаштовано.
drafts-none = Чернеток, що чекають на рішення, немає.
drafts-list-title = { $count ->
    [one] { $count } чернетка чекає на рішення
    [few] { $count } чернетки чекають на рішення
   *[other] { $count } чернеток чекають на рішення
}
drafts-newer = Новіші
drafts-older = Старіші
drafts-report-unreadable = Не вдалося прочитати { $url }: { $reason }. Надішліть текст статті.
drafts-outlet-editor = Надіслав(ла) { $name }
drafts-report-duplicate = Це повідомлення я вже читав; нічого не змінилося.
drafts-report-irrelevant = Це не про контакт між сторонами: { $reason }. Чернетку не створено.
drafts-report-merged = Додано як джерело до чернетки { $id }.
drafts-report-known = У записі <code>{ $id }</code> уже є все, що повідомляється; змінювати нічого.
drafts-feed-down = ⚠️ Стрічка { $outlet } (<code>{ $feed }</code>) не працює з { $since }: { $error }. Перевірте її адресу в data/sources.json.
