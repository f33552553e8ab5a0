"""Make data/keywords/{train,test}.jsonl: concept-to-sentence generation (CommonGen's shape), reproducibly.

Each item gives 3-5 concepts (dictionary forms of content words: nouns in the singular, keeping their gender,
verbs in the infinitive, adjectives in the masculine singular; German nouns capitalised) and one reference
sentence that uses all of them, often inflected ("The dogs chased the ball" -> dog, chase, ball; fr "lit" <-
lire, es "duerme" <- dormir, de "schläft" <- schlafen), in English, French, Spanish and German. A task with many
right answers: any fluent sentence that uses every concept once is correct, the reference is one of them.

The sentences below were written for this project, each with the content words it uses annotated by hand as
`lemma` (the sentence uses the dictionary form itself) or `lemma/form` (the inflected form as it is written in
the sentence). An item's concepts are a seeded subset of a sentence's annotated words (inflected ones twice as
likely), listed in a seeded order that is never the order they take in the sentence. Every annotated form occurs
exactly once in its sentence as a word and no other form of its lemma does, so "no concept word repeated" holds
for every reference. The split is by sentence, and no test concept set appears in training.

    python data/make_keywords.py [OUT_DIR]        # default: data/keywords
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 29
OUT = Path(__file__).resolve().parent / "keywords"
TEST_SENTENCES = 60  # per language; one item each
SIZES = {3: 0.4, 4: 0.4, 5: 0.2}  # share of items by number of concepts, per language and split
INFLECTED_WEIGHT = 2  # an inflected form is this much likelier to be drawn as a concept than a bare lemma
MIN_WORDS, MAX_WORDS = 6, 20

# One sentence a line: `sentence | lemma lemma/form ...`; lines starting with # name the topic.
SENTENCES = {
    "en": """
# home
My mother cooks dinner for the whole family every evening. | mother cook/cooks dinner family evening
The children cleaned their rooms before their friends arrived. | child/children clean/cleaned room/rooms friend/friends arrive/arrived
We painted the kitchen walls a bright yellow colour. | paint/painted kitchen wall/walls bright yellow colour
He fixed the broken window with a new piece of glass. | fix/fixed window new piece glass
The cat is sleeping on the warm blanket near the fire. | cat sleep/sleeping warm blanket fire
She hung the wet clothes outside to dry in the sun. | hang/hung wet clothes dry sun
My father washes the dishes while my sister dries them. | father wash/washes dish/dishes sister dry/dries
I left my keys on the table by the front door. | leave/left key/keys table front door
They bought a large sofa for their new living room. | buy/bought large sofa new room
The baby woke up early and cried for his bottle. | baby wake/woke cry/cried bottle
My grandfather built this wooden house with his own hands. | grandfather build/built wooden house hand/hands
We keep the fresh vegetables in the bottom drawer of the fridge. | keep fresh vegetable/vegetables bottom drawer fridge
The old clock in the hall stopped working last night. | old clock hall stop/stopped work/working night
Our neighbours planted roses along the fence in their garden. | neighbour/neighbours plant/planted rose/roses fence garden
She swept the floor and opened all the windows. | sweep/swept floor open/opened window/windows
The lamp next to my bed gives a soft light. | lamp bed give/gives soft light
He forgot to turn off the oven before leaving the house. | forget/forgot turn oven leave/leaving house
The kids made a huge mess in the bathroom. | kid/kids make/made huge mess bathroom
I usually read a few pages before I fall asleep. | read page/pages fall
The dog always waits for us behind the gate. | dog wait/waits gate
My brother moved the heavy boxes into the garage. | brother move/moved heavy box/boxes garage
The cold wind blew through the cracks in the old door. | cold wind blow/blew crack/cracks old door
We spent the rainy afternoon playing cards at the kitchen table. | spend/spent rainy afternoon play/playing card/cards kitchen table
She lit a candle and sat quietly in the dark room. | light/lit candle sit/sat dark room
Grandma knitted a thick scarf for each of her grandchildren. | grandma knit/knitted thick scarf grandchild/grandchildren
The roof leaked during the storm, so we called a builder. | roof leak/leaked storm call/called builder
I hung a beautiful painting above the fireplace. | hang/hung beautiful painting fireplace
The twins share a bedroom on the top floor. | twin/twins share bedroom top floor
He fell asleep on the couch while watching television. | fall/fell couch watch/watching television
My aunt keeps her jewellery in a small wooden box. | aunt keep/keeps jewellery small wooden box
# food
She cut the bread into thin slices for the sandwiches. | cut bread thin slice/slices sandwich/sandwiches
We ate spaghetti with tomato sauce and grated cheese. | eat/ate spaghetti tomato sauce cheese
The waiter brought us two cups of hot chocolate. | waiter bring/brought cup/cups hot chocolate
My uncle grows potatoes and carrots in his garden. | uncle grow/grows potato/potatoes carrot/carrots garden
I drank a glass of cold milk after my run. | drink/drank glass cold milk run
The cake smells delicious, but it needs ten more minutes. | cake smell/smells delicious need/needs minute/minutes
He peeled the oranges and shared them with his friends. | peel/peeled orange/oranges share/shared friend/friends
We fried some eggs and bacon for breakfast. | fry/fried egg/eggs bacon breakfast
The soup was too salty, so I added some water. | soup salty add/added water
She bakes fresh bread every Sunday morning. | bake/bakes fresh bread morning
They ordered a large pizza and three bottles of lemonade. | order/ordered large pizza bottle/bottles lemonade
I chopped the onions and the garlic for the soup. | chop/chopped onion/onions garlic soup
The children picked ripe strawberries in the field. | child/children pick/picked ripe strawberry/strawberries field
My father makes the best pancakes in the world. | father make/makes good/best pancake/pancakes world
We had a picnic with cheese, grapes and fresh bread. | picnic cheese grape/grapes fresh bread
He burnt the toast again this morning. | burn/burnt toast morning
The restaurant serves fish that was caught the same day. | restaurant serve/serves fish catch/caught day
She poured hot tea into the small cups. | pour/poured hot tea small cup/cups
I forgot to buy sugar at the supermarket. | forget/forgot buy sugar supermarket
The chef tasted the sauce and added a little pepper. | chef taste/tasted sauce add/added pepper
We boiled the rice and steamed the vegetables. | boil/boiled rice steam/steamed vegetable/vegetables
My sister never eats meat or fish. | sister eat/eats meat fish
The apples from our tree are sweet and juicy. | apple/apples tree sweet juicy
He spread butter and honey on his toast. | spread butter honey toast
They stirred the soup slowly with a wooden spoon. | stir/stirred soup wooden spoon
I mixed flour, sugar and eggs in a big bowl. | mix/mixed flour sugar egg/eggs big bowl
The bananas turned brown on the kitchen counter. | banana/bananas turn/turned brown kitchen counter
Our guests loved the lemon cake we served after dinner. | guest/guests love/loved lemon cake serve/served dinner
She squeezed three lemons to make fresh lemonade. | squeeze/squeezed lemon/lemons make fresh lemonade
The farmer sells eggs and milk at the market. | farmer sell/sells egg/eggs milk market
# work
The manager explained the new rules at the morning meeting. | manager explain/explained new rule/rules morning meeting
I sent the report to my boss before lunch. | send/sent report boss lunch
She works as a nurse at the children's hospital. | work/works nurse child/children hospital
The workers finished the new bridge two months early. | worker/workers finish/finished new bridge month/months
He spends most of the day answering emails and phone calls. | spend/spends day answer/answering email/emails phone call/calls
Our company hired three young engineers this spring. | company hire/hired young engineer/engineers spring
The printer broke just before the important meeting. | printer break/broke important meeting
My colleague drives me to the office when it rains. | colleague drive/drives office rain/rains
She wrote a long letter to the director of the bank. | write/wrote long letter director bank
The baker gets up at four to bake the bread. | baker get/gets bake bread
They signed the contract after a long discussion. | sign/signed contract long discussion
He lost his job when the factory closed. | lose/lost job factory close/closed
The teacher graded all the essays over the weekend. | teacher grade/graded essay/essays weekend
I asked my boss for a day off next week. | ask/asked boss day week
The lawyer read the documents carefully before the trial. | lawyer read document/documents trial
The shop assistant helped me find a warm jacket. | assistant help/helped find warm jacket
Our team won an award for the best design. | team win/won award good/best design
The builders are repairing the roof of the old school. | builder/builders repair/repairing roof old school
She felt nervous before her first job interview. | feel/felt nervous first job interview
The pilot told the passengers to fasten their seatbelts. | pilot tell/told passenger/passengers fasten seatbelt/seatbelts
He earns more money since he changed jobs. | earn/earns money change/changed job/jobs
The secretary booked a room for the conference. | secretary book/booked room conference
Farmers work hard during the harvest season. | farmer/farmers work harvest season
The mechanic fixed the brakes on my car in an hour. | mechanic fix/fixed brake/brakes car hour
I forgot my password and could not open my computer. | forget/forgot password open computer
# travel
We flew to Rome and took a train to Florence. | fly/flew take/took train
The plane landed safely despite the strong wind. | plane land/landed strong wind
They packed their bags the night before the trip. | pack/packed bag/bags night trip
I lost my passport at the airport in Madrid. | lose/lost passport airport
We stayed in a small hotel near the beach. | stay/stayed small hotel beach
The bus was late, so we missed the beginning of the film. | bus late miss/missed beginning film
She travelled around Asia for six months after university. | travel/travelled month/months university
The tourists took hundreds of photos of the old castle. | tourist/tourists take/took photo/photos old castle
Our train left the station exactly on time. | train leave/left station time
He rented a car and drove along the coast. | rent/rented car drive/drove coast
We bought our tickets online to avoid the long queue. | buy/bought ticket/tickets avoid long queue
The guide showed us the oldest church in the city. | guide show/showed old/oldest church city
I always get sick on long boat trips. | sick long boat trip/trips
They slept in a tent on the top of the hill. | sleep/slept tent top hill
My suitcase was too heavy, so I paid an extra fee. | suitcase heavy pay/paid extra fee
We walked across the bridge to see the sunset. | walk/walked bridge see sunset
The ship sailed slowly out of the busy harbour. | ship sail/sailed busy harbour
She sent us a postcard from a tiny island. | send/sent postcard tiny island
The taxi driver knew a quicker way to the hotel. | taxi driver know/knew quick/quicker way hotel
We missed the last bus and walked home in the rain. | miss/missed last bus walk/walked home rain
The hotel room had a lovely view of the lake. | hotel room lovely view lake
He forgot his camera on the train to Paris. | forget/forgot camera train
The flight was cancelled because of the heavy snow. | flight cancel/cancelled heavy snow
We crossed the border early in the morning. | cross/crossed border morning
I wrote down the address of the hotel on a piece of paper. | write/wrote address hotel piece paper
# weather
It snowed all night, and the streets were white in the morning. | snow/snowed night street/streets white morning
The sun came out after a week of heavy rain. | sun come/came week heavy rain
A strong wind knocked down several trees in the park. | strong wind knock/knocked tree/trees park
The sky turned dark and thunder rolled over the hills. | sky turn/turned dark thunder roll/rolled hill/hills
We stayed inside because the storm was getting worse. | stay/stayed storm get/getting bad/worse
The weather forecast promises sunshine for the whole weekend. | weather forecast promise/promises sunshine weekend
Thick fog covered the valley early this morning. | thick fog cover/covered valley morning
The river froze during the coldest winter in years. | river freeze/froze cold/coldest winter year/years
Heavy rain flooded the roads near the village. | heavy rain flood/flooded road/roads village
The children built a snowman in the front garden. | child/children build/built snowman front garden
It was so hot that the ice cream melted in minutes. | hot ice melt/melted minute/minutes
The clouds disappeared and the stars shone brightly. | cloud/clouds disappear/disappeared star/stars shine/shone
Lightning struck the old oak tree behind the church. | lightning strike/struck old oak tree church
A cool breeze came from the sea in the evening. | cool breeze come/came sea evening
The leaves fall from the trees in autumn. | leaf/leaves fall tree/trees autumn
We wore warm coats and gloves because it was freezing. | wear/wore warm coat/coats glove/gloves
The rain stopped, and a rainbow appeared over the fields. | rain stop/stopped rainbow appear/appeared field/fields
The temperature dropped below zero last night. | temperature drop/dropped zero night
# animals
The dogs chased the ball across the wet grass. | dog/dogs chase/chased ball wet grass
A little bird built a nest in our chimney. | little bird build/built nest chimney
The horses were running wildly across the field. | horse/horses run/running field
Our cat caught a mouse in the garden yesterday. | cat catch/caught mouse garden
The cows give more milk in the summer months. | cow/cows give milk summer month/months
A big spider was hiding under my bed. | big spider hide/hiding bed
The sheep followed the farmer into the barn. | sheep follow/followed farmer barn
Two ducks swam slowly across the pond. | duck/ducks swim/swam pond
The mice ate the cheese we left in the kitchen. | mouse/mice eat/ate cheese leave/left kitchen
My dog barks loudly whenever the postman comes. | dog bark/barks postman come/comes
The wolves howled at the moon all night. | wolf/wolves howl/howled moon night
The zookeeper feeds the lions twice a day. | zookeeper feed/feeds lion/lions day
A huge bear appeared at the edge of the forest. | huge bear appear/appeared edge forest
The puppy chewed my new shoes while I was at work. | puppy chew/chewed new shoe/shoes work
Bees collect pollen from the flowers in the meadow. | bee/bees collect pollen flower/flowers meadow
The children fed bread to the geese in the park. | child/children feed/fed bread goose/geese park
The fox stole two chickens from the farm last night. | fox steal/stole chicken/chickens farm night
My sister is afraid of snakes and spiders. | sister afraid snake/snakes spider/spiders
The rabbit dug a deep hole under the fence. | rabbit dig/dug deep hole fence
A tiny kitten was sleeping in a basket by the fire. | tiny kitten sleep/sleeping basket fire
The elephants drank water from the muddy river. | elephant/elephants drink/drank water muddy river
Our parrot repeats every word it hears. | parrot repeat/repeats word hear/hears
The fishermen caught a huge fish near the rocks. | fisherman/fishermen catch/caught huge fish rock/rocks
The monkeys jumped from one branch of the tall tree to another. | monkey/monkeys jump/jumped branch tall tree
A butterfly landed on the yellow flower. | butterfly land/landed yellow flower
We saw dolphins swimming beside our boat. | see/saw dolphin/dolphins swim/swimming boat
The owl sat silently on a branch of the old tree. | owl sit/sat branch old tree
My grandmother keeps hens behind her house. | grandmother keep/keeps hen/hens house
The dog buried its bone in the flower bed. | dog bury/buried bone flower bed
The young deer ran into the woods when it saw us. | young deer run/ran wood/woods see/saw
# sport
Our team scored two goals in the second half. | team score/scored goal/goals second half
She runs five kilometres every morning before work. | run/runs kilometre/kilometres morning work
He hurt his knee during the football match. | hurt knee football match
The players shook hands after the game. | player/players shake/shook hand/hands game
We swim in the lake when the water is warm. | swim lake water warm
The goalkeeper caught the ball with one hand. | goalkeeper catch/caught ball hand
My brother plays tennis with his friends every Saturday. | brother play/plays tennis friend/friends
The crowd cheered when the runner crossed the finish line. | crowd cheer/cheered runner cross/crossed finish line
She won a gold medal at the national championship. | win/won gold medal national championship
They climbed the highest mountain in the country. | climb/climbed high/highest mountain country
The coach told the players to train harder. | coach tell/told player/players train
He rides his bike to the stadium on match days. | ride/rides bike stadium match day/days
The referee blew his whistle and stopped the game. | referee blow/blew whistle stop/stopped game
I lost the race by less than a second. | lose/lost race second
We watched the match on a big screen in the square. | watch/watched match big screen square
The skiers raced down the steep slope. | skier/skiers race/raced steep slope
She broke the world record in the long jump. | break/broke world record long jump
The fans sang loudly during the whole match. | fan/fans sing/sang whole match
He threw the ball over the fence by accident. | throw/threw ball fence accident
Our school team beat the strongest side in the city. | school team beat strong/strongest side city
# school
The students wrote a short essay about their summer holidays. | student/students write/wrote short essay summer holiday/holidays
The teacher asked a difficult question about the war. | teacher ask/asked difficult question war
I forgot my homework on the kitchen table. | forget/forgot homework kitchen table
The children sang a song for their parents at the end of term. | child/children sing/sang song parent/parents end term
She studies chemistry at a large university. | study/studies chemistry large university
We learnt a new poem by heart for the lesson. | learn/learnt new poem heart lesson
The pupils drew pictures of animals in the art class. | pupil/pupils draw/drew picture/pictures animal/animals art class
He failed the maths exam, but he passed the history test. | fail/failed exam pass/passed history test
The library closes early on Fridays during the holidays. | library close/closes holiday/holidays
Our teacher read us a story about a brave knight. | teacher read story brave knight
My son brought home a note from his teacher. | son bring/brought home note teacher
The children were talking loudly when the head teacher came in. | child/children talk/talking head teacher come/came
I borrowed three books about space from the school library. | borrow/borrowed book/books space school library
She explained the grammar rule with a simple example. | explain/explained grammar rule simple example
The class went on a trip to the science museum. | class go/went trip science museum
We sat our final exams in a cold hall. | sit/sat final exam/exams cold hall
# city
The streets were full of people shopping for presents. | street/streets full shop/shopping present/presents
A new cinema opened next to the shopping centre. | new cinema open/opened centre
The traffic was terrible because of the road works. | traffic terrible road
We waited for the tram at the stop near the bank. | wait/waited tram stop bank
They are building a tall tower in the middle of the city. | build/building tall tower middle city
I got lost in the narrow streets of the old town. | get/got narrow street/streets old town
The market sells fresh fish and vegetables on Thursdays. | market sell/sells fresh fish vegetable/vegetables
A police car drove past with its siren on. | police car drive/drove siren
The city council planted hundreds of trees along the river. | city council plant/planted tree/trees river
The museum was crowded with tourists on a rainy Sunday. | museum tourist/tourists rainy
We found a quiet café in a small square. | find/found quiet café small square
The lights went out in the whole street during the storm. | light/lights go/went whole street storm
The old bridge is closed to cars at night. | old bridge close/closed car/cars night
Thousands of people marched through the city centre. | people march/marched city centre
A street musician played the violin outside the station. | street musician play/played violin station
The underground is the fastest way to cross the city. | underground fast/fastest way cross city
The children played football in the empty car park. | child/children play/played football empty park
My flat is on the fourth floor of a grey building. | flat fourth floor grey building
The bakery on the corner sells the best croissants in town. | bakery corner sell/sells good/best croissant/croissants town
We sat on a bench in the park and fed the pigeons. | sit/sat bench park feed/fed pigeon/pigeons
# nature
The river runs through a deep valley between two mountains. | river run/runs deep valley mountain/mountains
We picked wild blackberries along the path. | pick/picked wild blackberry/blackberries path
The forest was silent except for the song of a bird. | forest silent song bird
Tall pine trees grow on the side of the mountain. | tall pine tree/trees grow side mountain
The waves crashed against the rocks on the shore. | wave/waves crash/crashed rock/rocks shore
We climbed to the top of the hill to watch the sunrise. | climb/climbed top hill watch sunrise
Autumn leaves covered the path through the woods. | autumn leaf/leaves cover/covered path wood/woods
The lake looked like a mirror in the still morning air. | lake look/looked mirror morning air
Wild flowers grow everywhere in the meadows in June. | wild flower/flowers grow meadow/meadows
A small stream flows behind our cottage. | small stream flow/flows cottage
The volcano erupted and covered the villages in ash. | volcano erupt/erupted cover/covered village/villages ash
We lay on the grass and looked at the stars. | lie/lay grass look/looked star/stars
The desert is very hot during the day and cold at night. | desert hot day cold night
The explorers found a cave behind the waterfall. | explorer/explorers find/found cave waterfall
The ground was covered with fresh snow. | ground cover/covered fresh snow
The sun sets behind the mountains in the evening. | sun set/sets mountain/mountains evening
We heard frogs croaking by the pond. | hear/heard frog/frogs croak/croaking pond
The island has beautiful beaches and clear blue water. | island beautiful beach/beaches clear blue water
Huge rocks fell onto the road after the heavy rain. | huge rock/rocks fall/fell road heavy rain
A rainbow stretched across the grey sky. | rainbow stretch/stretched grey sky
# health
I have a terrible headache and a sore throat. | terrible headache sore throat
The doctor gave me some pills for my cough. | doctor give/gave pill/pills cough
She broke her arm when she fell off her bike. | break/broke arm fall/fell bike
You should drink more water when it is hot. | drink water hot
He brushes his teeth twice a day. | brush/brushes tooth/teeth day
My grandfather walks in the park every morning to stay healthy. | grandfather walk/walks park morning stay healthy
The nurse checked my temperature and my blood pressure. | nurse check/checked temperature blood pressure
I caught a cold after walking home in the rain. | catch/caught cold walk/walking home rain
He hurt his back while lifting a heavy box. | hurt back lift/lifting heavy box
The dentist pulled out one of my teeth. | dentist pull/pulled tooth/teeth
She sleeps eight hours every night and feels great. | sleep/sleeps hour/hours night feel/feels great
The boy cut his finger on a sharp knife. | boy cut finger sharp knife
Fresh fruit and vegetables keep your body strong. | fresh fruit vegetable/vegetables keep body strong
I went to the chemist to buy some medicine. | go/went chemist buy medicine
My eyes hurt after working all day at the computer. | eye/eyes hurt work/working day computer
The patient waited two hours for the doctor. | patient wait/waited hour/hours doctor
He stopped smoking and started running in the mornings. | stop/stopped smoke/smoking start/started run/running morning/mornings
She twisted her ankle on the stairs. | twist/twisted ankle stair/stairs
The ambulance took the injured man to the hospital. | ambulance take/took man hospital
Doctors say that laughing is good for your heart. | doctor/doctors say laugh/laughing good heart
# shopping
I bought a pair of blue jeans in the sale. | buy/bought pair blue jeans sale
The shoes I wanted were too small for my feet. | shoe/shoes want/wanted small foot/feet
She paid for the groceries with her credit card. | pay/paid grocery/groceries credit card
The shop closes at six, so we have to hurry. | shop close/closes hurry
He chose a red tie for the wedding. | choose/chose red tie wedding
We carried the heavy bags to the car. | carry/carried heavy bag/bags car
The cashier gave me the wrong change. | cashier give/gave wrong change
My mother always writes a shopping list before she goes out. | mother write/writes list go/goes
I tried on three dresses, but none of them fitted me. | try/tried dress/dresses fit/fitted
The prices in this supermarket have risen a lot. | price/prices supermarket rise/risen
She spent all her money on books and clothes. | spend/spent money book/books clothes
The new mall has more than a hundred shops. | new mall shop/shops
I returned the broken toaster and got my money back. | return/returned toaster get/got money
We compared the prices before we bought a new fridge. | compare/compared price/prices buy/bought new fridge
The market stalls sell cheap fruit and flowers. | market stall/stalls sell cheap fruit flower/flowers
# family and friends
My parents celebrated their wedding anniversary in a small restaurant. | parent/parents celebrate/celebrated wedding anniversary small restaurant
Her younger brother always borrows her clothes without asking. | young/younger brother borrow/borrows clothes ask/asking
We visit our grandparents in the countryside every summer. | visit grandparent/grandparents countryside summer
My cousin got married in a beautiful old church. | cousin get/got marry/married beautiful old church
The whole family gathered around the table for the birthday dinner. | whole family gather/gathered table birthday dinner
My sister and I argued about the television remote. | sister argue/argued television remote
Our daughter took her first steps last week. | daughter take/took first step/steps week
Grandpa tells funny stories about his time in the army. | grandpa tell/tells funny story/stories time army
My best friend moved to another country last year. | good/best friend move/moved country year
The children hugged their father when he came home. | child/children hug/hugged father come/came home
They named their baby after his grandmother. | name/named baby grandmother
My aunt sends me a card every year on my birthday. | aunt send/sends card year birthday
We invited all our neighbours to the garden party. | invite/invited neighbour/neighbours garden party
The boys fought over the last piece of cake. | boy/boys fight/fought last piece cake
My husband made breakfast for everyone this morning. | husband make/made breakfast morning
She writes long letters to her pen friend in Canada. | write/writes long letter/letters pen friend
My little brother broke my favourite mug. | little brother break/broke favourite mug
We spent the holidays with our relatives in the mountains. | spend/spent holiday/holidays relative/relatives mountain/mountains
Her grandparents met at a dance sixty years ago. | grandparent/grandparents meet/met dance year/years
My son wants to become a pilot when he grows up. | son want/wants become pilot grow/grows
# hobbies
She paints landscapes in her free time. | paint/paints landscape/landscapes free time
My uncle collects old coins from all over the world. | uncle collect/collects old coin/coins world
We go fishing on the lake every Sunday morning. | go fish/fishing lake morning
He plays the guitar in a rock band with his friends. | play/plays guitar rock band friend/friends
I am learning to knit a warm hat for winter. | learn/learning knit warm hat winter
They spent the whole weekend building a model ship. | spend/spent whole weekend build/building model ship
My grandmother does a crossword in the newspaper every day. | grandmother crossword newspaper day
We went camping in the forest and cooked on a fire. | go/went camp/camping forest cook/cooked fire
She takes beautiful photos of birds and flowers. | take/takes beautiful photo/photos bird/birds flower/flowers
He reads detective novels on the train to work. | read/reads detective novel/novels train work
I joined a choir and we sing every Tuesday evening. | join/joined choir sing evening
The girls danced all night at the school party. | girl/girls dance/danced night school party
My father grows tomatoes in a small greenhouse. | father grow/grows tomato/tomatoes small greenhouse
We played chess until late in the evening. | play/played chess evening
He carved a little bird out of a piece of wood. | carve/carved little bird piece wood
She sews her own dresses on an old machine. | sew/sews dress/dresses old machine
My friends and I go hiking in the hills on weekends. | friend/friends go hike/hiking hill/hills weekend/weekends
The boy flew his kite on the windy beach. | boy fly/flew kite windy beach
I baked cookies for my friends on Saturday. | bake/baked cookie/cookies friend/friends
We watched an old black and white film on television. | watch/watched old black white film television
# technology
My phone battery died in the middle of the call. | phone battery die/died middle call
He downloaded a new game on his tablet. | download/downloaded new game tablet
The computer crashed and I lost all my work. | computer crash/crashed lose/lost work
She sent me a message with a photo of her new puppy. | send/sent message photo new puppy
I charge my laptop every night before I go to bed. | charge laptop night go bed
The internet was very slow in the hotel. | internet slow hotel
My grandmother learnt to make video calls with her grandchildren. | grandmother learn/learnt make video call/calls grandchild/grandchildren
He bought a cheap camera online, but it broke after a week. | buy/bought cheap camera break/broke week
The printer ran out of ink in the middle of my essay. | printer run/ran ink middle essay
We updated the software on all the office computers. | update/updated software office computer/computers
She forgot to save the file and had to start again. | forget/forgot save file start
The screen of my phone cracked when I dropped it. | screen phone crack/cracked drop/dropped
My son spends too much time playing video games. | son spend/spends time play/playing video game/games
The new app helps people find cheap flights. | new app help/helps people find cheap flight/flights
He typed the letter quickly and printed two copies. | type/typed letter print/printed copy/copies
# music and art
The orchestra played a beautiful symphony in the old concert hall. | orchestra play/played beautiful symphony old concert hall
She has sung in the church choir since she was a child. | sing/sung church choir child
The band played their most famous songs at the end of the concert. | band play/played famous song/songs end concert
He listens to jazz while he cooks dinner. | listen/listens jazz cook/cooks dinner
The artist painted a portrait of the queen. | artist paint/painted portrait queen
We danced to the music until the sun came up. | dance/danced music sun come/came
My daughter practises the piano for an hour every day. | daughter practise/practises piano hour day
The audience clapped loudly at the end of the show. | audience clap/clapped end show
The singer forgot the words of the second song. | singer forget/forgot word/words second song
The gallery shows paintings by young local artists. | gallery show/shows painting/paintings young local artist/artists
He wrote a song for his girlfriend's birthday. | write/wrote song girlfriend birthday
The children made colourful masks for the carnival. | child/children make/made colourful mask/masks carnival
I heard a beautiful song on the radio this morning. | hear/heard beautiful song radio morning
The drummer broke a stick during the first song. | drummer break/broke stick first song
The students visited an exhibition of modern sculpture. | student/students visit/visited exhibition modern sculpture
# clothes
She wore a long red dress to the party. | wear/wore long red dress party
He forgot his scarf and his ears got cold. | forget/forgot scarf ear/ears get/got cold
I need new boots for the winter. | need new boot/boots winter
The jacket was too tight, so I bought a bigger one. | jacket tight buy/bought big/bigger
My grandmother knitted me a thick woollen jumper. | grandmother knit/knitted thick woollen jumper
He put on his best suit for the job interview. | put good/best suit job interview
The children left their muddy boots by the door. | child/children leave/left muddy boot/boots door
She ironed her white shirt before the meeting. | iron/ironed white shirt meeting
These trousers are too long for my little brother. | trousers long little brother
I lost one of my gloves on the bus. | lose/lost glove/gloves bus
He always wears a black hat and a grey coat. | wear/wears black hat grey coat
My sister dyed her old jeans dark blue. | sister dye/dyed old jeans dark blue
# transport
The train to the airport leaves every fifteen minutes. | train airport leave/leaves minute/minutes
He parked his car in front of the post office. | park/parked car front post office
We took a ferry across the bay to the island. | take/took ferry bay island
The bus driver waited for the old lady to sit down. | bus driver wait/waited old lady sit
My bike has a flat tyre, so I walked to school. | bike flat tyre walk/walked school
The roads were icy and several cars slid off. | road/roads icy several car/cars slide/slid
She learnt to drive in her father's old car. | learn/learnt drive father old car
The plane took off an hour late because of fog. | plane take/took hour fog
We cycled along the canal all the way to the next town. | cycle/cycled canal way next town
The underground trains are crowded in the morning. | underground train/trains morning
A truck blocked the narrow street for an hour. | truck block/blocked narrow street hour
He missed his train because his alarm did not ring. | miss/missed train alarm ring
The passengers complained about the long delay. | passenger/passengers complain/complained long delay
The taxi took us from the station to the hotel. | taxi take/took station hotel
I sold my old motorbike to a friend from work. | sell/sold old motorbike friend work
# holidays and celebrations
We decorated the tree with lights and glass balls. | decorate/decorated tree light/lights glass ball/balls
The children opened their presents on Christmas morning. | child/children open/opened present/presents morning
They lit fireworks at midnight to welcome the new year. | light/lit firework/fireworks midnight welcome new year
My grandmother baked a huge cake for my birthday. | grandmother bake/baked huge cake birthday
We sang songs around the fire on the last night of the camp. | sing/sang song/songs fire last night camp
The whole village danced in the square during the festival. | whole village dance/danced square festival
I wrapped the gifts in colourful paper. | wrap/wrapped gift/gifts colourful paper
The guests brought flowers and wine to the dinner. | guest/guests bring/brought flower/flowers wine dinner
We spent our honeymoon on a quiet island in Greece. | spend/spent honeymoon quiet island
The bride wore a long white dress and carried roses. | bride wear/wore long white dress carry/carried rose/roses
The children dressed up as ghosts and witches. | child/children dress/dressed ghost/ghosts witch/witches
They hid chocolate eggs all over the garden. | hide/hid chocolate egg/eggs garden
We celebrated the end of the exams with a big party. | celebrate/celebrated end exam/exams big party
My parents sent us a postcard from their holiday by the sea. | parent/parents send/sent postcard holiday sea
# emotions and people
She smiled when she saw her old friend at the station. | smile/smiled see/saw old friend station
The little boy cried because he lost his balloon. | little boy cry/cried lose/lost balloon
I was nervous before I spoke in front of the whole school. | nervous speak/spoke front whole school
He felt lonely after his friends moved away. | feel/felt lonely friend/friends move/moved
The audience laughed at every joke the actor told. | audience laugh/laughed joke actor tell/told
My neighbour is a kind woman who helps everyone. | neighbour kind woman help/helps
They were proud of their son when he finished university. | proud son finish/finished university
She was angry because nobody listened to her idea. | angry listen/listened idea
The old man thanked us for carrying his shopping. | old man thank/thanked carry/carrying shopping
We were surprised to see snow in the middle of May. | see snow middle
He apologised to his sister for breaking her phone. | apologise/apologised sister break/breaking phone
The children were excited about their first trip abroad. | child/children first trip
My grandfather is the calmest person I know. | grandfather calm/calmest person know
She hid her face because she felt shy. | hide/hid face feel/felt shy
# time and daily life
I wake up at six and make coffee for the whole family. | wake make coffee whole family
He usually takes a short nap after lunch. | take/takes short nap lunch
We eat dinner together at the kitchen table every evening. | eat dinner kitchen table evening
She walks the dog before she goes to work. | walk/walks dog go/goes work
I brushed my hair and got dressed in five minutes. | brush/brushed hair get/got dress/dressed minute/minutes
My alarm rang at seven, but I stayed in bed. | alarm ring/rang stay/stayed bed
On Sundays we sleep late and have a big breakfast. | sleep big breakfast
The children do their homework as soon as they get home. | child/children homework get home
He read the newspaper while he drank his coffee. | read newspaper drink/drank coffee
I water the plants on the balcony every morning. | water plant/plants balcony morning
She locked the door and switched off the lights. | lock/locked door switch/switched light/lights
We cleaned the whole flat before the guests arrived. | clean/cleaned whole flat guest/guests arrive/arrived
My brother takes out the rubbish every Monday night. | brother take/takes rubbish night
I hung my coat on a hook behind the door. | hang/hung coat hook door
She made her bed and opened the curtains. | make/made bed open/opened curtain/curtains
# misc
The firemen saved a little girl from the burning house. | fireman/firemen save/saved little girl burn/burning house
A thief stole my bag while I was sitting in the café. | thief steal/stole bag sit/sitting café
The police caught the robbers near the border. | police catch/caught robber/robbers border
The scientist discovered a new kind of plant in the jungle. | scientist discover/discovered new kind plant jungle
The old castle stands on a hill above the river. | old castle stand/stands hill river
The soldiers marched past the palace in their red uniforms. | soldier/soldiers march/marched palace red uniform/uniforms
A strange noise woke us up in the middle of the night. | strange noise wake/woke middle night
The king gave a long speech to his people. | king give/gave long speech people
The children found an old map in the attic. | child/children find/found old map attic
The farmer drove his tractor slowly down the lane. | farmer drive/drove tractor lane
The boat sank after it hit a rock. | boat sink/sank hit rock
The postman delivered a large parcel this morning. | postman deliver/delivered large parcel morning
The lights of the city shone in the dark water. | light/lights city shine/shone dark water
The journalist wrote an article about the new hospital. | journalist write/wrote article new hospital
The students protested against the higher fees. | student/students protest/protested high/higher fee/fees
# more everyday scenes
The students crowded around the notice board to read their results. | student/students crowd/crowded notice board read result/results
She fed the cat and went back to sleep. | feed/fed cat go/went sleep
My grandparents keep chickens, goats and a lazy old donkey. | grandparent/grandparents keep chicken/chickens goat/goats lazy old donkey
The wind blew my umbrella inside out. | wind blow/blew umbrella
We hung a swing from the big tree in the garden. | hang/hung swing big tree garden
The river rose quickly after three days of rain. | river rise/rose day/days rain
He dug a hole and planted an apple tree. | dig/dug hole plant/planted apple tree
The girl dropped her ice cream on the pavement. | girl drop/dropped pavement
I met an old school friend on the train yesterday. | meet/met old school friend train
The waiter spilled coffee on my new white shirt. | waiter spill/spilled coffee new white shirt
They fixed the leaking tap in the bathroom. | fix/fixed leak/leaking tap bathroom
My mother sang to us when we were little. | mother sing/sang little
The farmer led the cows back to the barn. | farmer lead/led cow/cows barn
We rowed the little boat to the other side of the lake. | row/rowed little boat side lake
The teacher wrote the date on the blackboard. | teacher write/wrote date blackboard
A boy fell into the river and his friends pulled him out. | boy fall/fell river friend/friends pull/pulled
I bit into the apple and found a worm. | bite/bit apple find/found worm
The shop was closed, so we bought bread at the petrol station. | shop close/closed buy/bought bread petrol station
She chose the blue curtains for the living room. | choose/chose blue curtain/curtains room
The children built a sandcastle near the water. | child/children build/built sandcastle water
He spent his savings on a trip around the world. | spend/spent trip world
The lifeguard swam out to help the tired swimmer. | lifeguard swim/swam help swimmer
The old lady sat on the bench and fed the ducks. | old lady sit/sat bench feed/fed duck/ducks
The cook burnt the rice, so we ate bread and cheese. | cook burn/burnt rice eat/ate bread cheese
We heard the church bells ringing in the distance. | hear/heard church bell/bells ring/ringing distance
The wind shook the windows all night. | wind shake/shook window/windows night
My brother taught me how to ride a bike. | brother teach/taught ride bike
The students stood up when the headmaster entered the room. | student/students stand/stood headmaster enter/entered room
She sold her paintings at the market on Saturday. | sell/sold painting/paintings market
I swept the leaves from the path in front of the house. | sweep/swept leaf/leaves path front house
The dog shook the water off its fur. | dog shake/shook water fur
We found some old photos of our grandparents in a drawer. | find/found old photo/photos grandparent/grandparents drawer
He spoke so quietly that nobody in the room heard his answer. | speak/spoke room hear/heard answer
The cat knocked a glass off the table. | cat knock/knocked glass table
They ran to the station but the train had already left. | run/ran station train leave/left
The students chose a president for the school council. | student/students choose/chose president school council
The baby slept through the whole night for the first time. | baby sleep/slept whole night first time
The kids rode their bikes along the beach. | kid/kids ride/rode bike/bikes beach
I wrote my name at the top of the page. | write/wrote name top page
The tree fell across the road during the night. | tree fall/fell road night
My mother keeps all our letters in an old box. | mother keep/keeps letter/letters old box
We drove through the mountains on narrow roads. | drive/drove mountain/mountains narrow road/roads
The girls laughed at the clown's red nose. | girl/girls laugh/laughed clown red nose
He shut the door quietly so he would not wake the baby. | shut door wake baby
A stranger asked me the way to the station. | stranger ask/asked way station
I left my umbrella on the bus again. | leave/left umbrella bus
The ice on the lake was thick enough to walk on. | ice lake thick walk
The children hid behind the curtains and waited. | child/children hide/hid curtain/curtains wait/waited
She tore the letter into small pieces. | tear/tore letter small piece/pieces
We chose a quiet table in the corner of the restaurant. | choose/chose quiet table corner restaurant
The painter climbed a tall ladder to reach the ceiling. | painter climb/climbed tall ladder reach ceiling
The boys threw stones into the river. | boy/boys throw/threw stone/stones river
He held his daughter's hand as they crossed the road. | hold/held daughter hand cross/crossed road
The students went home early because the heating broke down. | student/students go/went home heating break/broke
I bought fresh flowers for my mother on her birthday. | buy/bought fresh flower/flowers mother birthday
The tourists got lost in the huge old market. | tourist/tourists get/got huge old market
We sat by the fire and drank hot chocolate. | sit/sat fire drink/drank hot chocolate
The girl won first prize in the spelling competition. | girl win/won first prize spelling competition
A cold wind blew from the north all week. | cold wind blow/blew north week
The children caught tiny fish in the stream with a net. | child/children catch/caught tiny fish stream net
He woke up with a terrible pain in his back. | wake/woke terrible pain back
The garden looks lovely in the early summer. | garden look/looks lovely early summer
She drew a picture of her family with coloured pencils. | draw/drew picture family pencil/pencils
We ate lunch on the grass beside the river. | eat/ate lunch grass river
The dog slept in front of the fireplace all evening. | dog sleep/slept front fireplace evening
The men loaded the furniture onto the lorry. | man/men load/loaded furniture lorry
The bells rang when the bride and groom left the church. | bell/bells ring/rang bride groom leave/left church
My daughter lost her first tooth at school today. | daughter lose/lost first tooth school
The wind carried the balloon high above the trees. | wind carry/carried balloon tree/trees
We paid the bill and left a tip for the waitress. | pay/paid bill leave/left tip waitress
The sun shone all day and the beach was full. | sun shine/shone day beach full
The boys swam across the river to the little island. | boy/boys swim/swam river little island
My uncle taught me to play chess when I was seven. | uncle teach/taught play chess
The mechanic found the problem in the engine. | mechanic find/found problem engine
She bought a ticket and found a seat by the window. | buy/bought ticket find/found seat window
The old woman knitted socks for the soldiers. | old woman knit/knitted sock/socks soldier/soldiers
We made a fire and cooked sausages on sticks. | make/made fire cook/cooked sausage/sausages stick/sticks
# questions, future, perfect, varied tenses
Did you see the fox in our garden last night? | see fox garden night
Have you ever eaten snails in a French restaurant? | eat/eaten snail/snails restaurant
Where did you buy those lovely yellow shoes? | buy lovely yellow shoe/shoes
Why are the children shouting in the street? | child/children shout/shouting street
Could you close the window before you leave? | close window leave
Who drank all the milk in the fridge? | drink/drank milk fridge
How long have you lived in this small town? | live/lived small town
What a beautiful view of the sea from your balcony! | beautiful view sea balcony
Look how fast the little horse is running! | little horse run/running
We will plant tulips along the path next spring. | plant tulip/tulips path spring
The new hospital will open its doors in May. | new hospital open door/doors
I will never forget the day we met. | forget day meet/met
They will paint the bedroom green next weekend. | paint bedroom green weekend
She has written three novels and a book of poems. | write/written novel/novels book poem/poems
The price of bread has risen again this year. | price bread rise/risen year
I have lost my reading glasses somewhere in this big house. | lose/lost read/reading big house
He has taught history at the same school for thirty years. | teach/taught history school year/years
The children have grown so much since last summer. | child/children grow/grown summer
We have already seen this funny film twice with our children. | see/seen funny film child/children
The baby has just fallen asleep in her cot. | baby fall/fallen cot
They had already eaten when we arrived at the party. | eat/eaten arrive/arrived party
She had never flown in a plane before that trip. | fly/flown plane trip
By the time the doctor came, the fever had gone down. | time doctor come/came fever go/gone
The workers were digging a tunnel under the river. | worker/workers dig/digging tunnel river
I was cooking dinner when the phone rang. | cook/cooking dinner phone ring/rang
The birds were singing in the trees when we woke up. | bird/birds sing/singing tree/trees wake/woke
My father was reading the paper when the lights went out. | father read/reading paper light/lights go/went
It was raining heavily when we left the cinema. | rain/raining leave/left cinema
The students are preparing a play for the end of the year. | student/students prepare/preparing play end year
The grass grows very quickly after the spring rain. | grass grow/grows spring rain
He goes swimming in the sea even in winter. | go/goes swim/swimming sea winter
The moon shines through my bedroom window at night. | moon shine/shines bedroom window night
My sister teaches young children to read and write. | sister teach/teaches young child/children read write
She always keeps a bottle of water in her bag. | keep/keeps bottle water bag
The ferry carries cars and passengers to the island. | ferry carry/carries car/cars passenger/passengers island
The bakery sells warm rolls early in the morning. | bakery sell/sells warm roll/rolls morning
The children go to bed at eight on school nights. | child/children go bed school night/nights
He cries every time he watches that sad film. | cry/cries time watch/watches sad film
The shop on the corner fixes old watches and clocks. | shop corner fix/fixes old watch/watches clock/clocks
My grandmother still writes letters by hand. | grandmother write/writes letter/letters hand
The hungry wolves followed the deer through the snow. | hungry wolf/wolves follow/followed deer snow
A tall man in a dark coat knocked on our door. | tall man dark coat knock/knocked door
The kitten fell asleep in my lap. | kitten fall/fell lap
The brave firefighter carried the child out of the smoke. | brave firefighter carry/carried child smoke
The shy girl finally spoke to her new classmates. | shy girl speak/spoke new classmate/classmates
The noisy neighbours had a party until three in the morning. | noisy neighbour/neighbours party morning
The tired hikers slept in a hut on the mountain. | hiker/hikers sleep/slept hut mountain
The empty streets looked strange on Sunday morning. | empty street/streets look/looked strange morning
We took the wrong road and arrived two hours late. | take/took wrong road arrive/arrived hour/hours
My husband snores so loudly that I cannot sleep. | husband snore/snores sleep
The little girl hugged her teddy bear and fell asleep. | little girl hug/hugged teddy bear fall/fell
The doctor told him to rest for a few days. | doctor tell/told rest day/days
She sent the parcel by post on Monday morning. | send/sent parcel post morning
We sold lemonade to the people passing our house. | sell/sold lemonade people pass/passing house
The pupils listened carefully to the old sailor's stories. | pupil/pupils listen/listened old sailor story/stories
The wind has blown all the leaves off the trees. | wind blow/blown leaf/leaves tree/trees
I have hidden the presents at the top of the wardrobe. | hide/hidden present/presents top wardrobe
She has chosen a name for her new puppy. | choose/chosen name new puppy
The river has frozen for the first time in years. | river freeze/frozen first time year/years
He has driven this old car for twenty years. | drive/driven old car year/years
They have built a playground behind the school. | build/built playground school
# extra
The young farmer sold fresh eggs and cheese at the village market. | young farmer sell/sold fresh egg/eggs cheese village market
My grandmother grew sweet peas along the old stone wall. | grandmother grow/grew sweet pea/peas old stone wall
The tired children fell asleep in the back of the car. | child/children fall/fell back car
Two small boys were flying a red kite above the dunes. | small boy/boys fly/flying red kite dune/dunes
The brave sailors steered the damaged ship into a quiet bay. | brave sailor/sailors steer/steered ship quiet bay
My neighbour bakes bread and shares it with the whole street. | neighbour bake/bakes bread share/shares whole street
The students painted a huge colourful mural on the school wall. | student/students paint/painted huge colourful mural school wall
A hungry fox crept into the garden and stole a chicken. | hungry fox creep/crept garden steal/stole chicken
The old fisherman mended his nets on the quiet harbour wall. | old fisherman mend/mended net/nets quiet harbour wall
She wrote a short poem about the first snow of winter. | write/wrote short poem first snow winter
The clever girl solved the difficult puzzle in ten minutes. | clever girl solve/solved difficult puzzle minute/minutes
Our cat knocked the green vase off the kitchen shelf. | cat knock/knocked green vase kitchen shelf
""",
    "fr": """
# maison
Ma mère prépare le dîner pour toute la famille chaque soir. | mère préparer/prépare dîner famille soir
Les enfants ont rangé leur chambre avant l'arrivée de leurs amis. | enfant/enfants ranger/rangé chambre arrivée ami/amis
Nous avons peint les murs de la cuisine en jaune clair. | peindre/peint mur/murs cuisine jaune clair
Il a réparé la fenêtre cassée avec un nouveau morceau de verre. | réparer/réparé fenêtre nouveau morceau verre
Le chat dort sur la couverture chaude près du feu. | chat dormir/dort couverture chaud/chaude feu
Elle a étendu le linge mouillé dehors pour qu'il sèche au soleil. | étendre/étendu linge sécher/sèche soleil
Mon père lave la vaisselle pendant que ma sœur l'essuie. | père laver/lave vaisselle sœur essuyer/essuie
J'ai laissé mes clés sur la table près de la porte d'entrée. | laisser/laissé clé/clés table porte entrée
Ils ont acheté un grand canapé pour leur nouveau salon. | acheter/acheté grand canapé nouveau salon
Le bébé s'est réveillé tôt et a pleuré pour avoir son biberon. | bébé réveiller/réveillé pleurer/pleuré biberon
Mon grand-père a construit cette maison en bois de ses propres mains. | grand-père construire/construit maison bois main/mains
Nous gardons les légumes frais dans le tiroir du bas du frigo. | garder/gardons légume/légumes frais tiroir frigo
La vieille horloge du couloir s'est arrêtée cette nuit. | vieux/vieille horloge couloir arrêter/arrêtée nuit
Nos voisins ont planté des rosiers le long de la clôture. | voisin/voisins planter/planté rosier/rosiers clôture
Elle a balayé le sol et ouvert toutes les fenêtres. | balayer/balayé sol ouvrir/ouvert fenêtre/fenêtres
La lampe à côté de mon lit donne une lumière douce. | lampe lit donner/donne lumière doux/douce
Il a oublié d'éteindre le four avant de quitter la maison. | oublier/oublié éteindre four quitter maison
Les petits ont mis un désordre énorme dans la salle de bains. | petit/petits mettre/mis désordre énorme salle
Le chien nous attend toujours derrière le portail. | chien attendre/attend portail
Mon frère a porté les cartons lourds jusqu'au garage. | frère porter/porté carton/cartons lourd/lourds garage
Le vent froid passait par les fissures de la vieille porte. | vent froid passer/passait fissure/fissures vieux/vieille porte
Nous avons passé l'après-midi pluvieux à jouer aux cartes. | passer/passé après-midi pluvieux jouer carte/cartes
Elle a allumé une bougie et s'est assise dans la pièce sombre. | allumer/allumé bougie asseoir/assise pièce sombre
Mamie a tricoté une écharpe épaisse pour chacun de ses petits-enfants. | mamie tricoter/tricoté écharpe épais/épaisse petit-enfant/petits-enfants
Le toit a fui pendant la tempête, alors nous avons appelé un artisan. | toit fuir/fui tempête appeler/appelé artisan
J'ai accroché un beau tableau au-dessus de la cheminée. | accrocher/accroché beau tableau cheminée
Mes deux sœurs partagent une chambre au dernier étage. | sœur/sœurs partager/partagent chambre dernier étage
Il s'est endormi sur le canapé en regardant la télévision. | endormir/endormi canapé regarder/regardant télévision
Ma tante garde ses bijoux dans une petite boîte en bois. | tante garder/garde bijou/bijoux petit/petite boîte bois
Les enfants ont décoré leur chambre avec des étoiles brillantes. | enfant/enfants décorer/décoré chambre étoile/étoiles brillant/brillantes
# cuisine
Elle a coupé le pain en tranches fines pour les sandwichs. | couper/coupé pain tranche/tranches fin/fines sandwich/sandwichs
Nous avons mangé des spaghettis à la sauce tomate avec du fromage râpé. | manger/mangé spaghetti/spaghettis sauce tomate fromage
Le serveur nous a apporté deux tasses de chocolat chaud. | serveur apporter/apporté tasse/tasses chocolat chaud
Mon oncle cultive des pommes de terre et des carottes dans son jardin. | oncle cultiver/cultive carotte/carottes jardin
J'ai bu un grand verre de lait froid après ma course. | boire/bu grand verre lait froid course
Le gâteau sent bon, mais il lui faut encore dix minutes. | gâteau sentir/sent minute/minutes
Il a épluché les oranges et les a partagées avec ses amis. | éplucher/épluché orange/oranges partager/partagées ami/amis
Nous avons fait cuire des œufs et du bacon pour le petit-déjeuner. | cuire œuf/œufs bacon petit-déjeuner
La soupe était trop salée, alors j'ai ajouté un peu d'eau. | soupe salé/salée ajouter/ajouté eau
Elle fait du pain frais tous les dimanches matin. | pain frais dimanche/dimanches matin
Ils ont commandé une grande pizza et trois bouteilles de limonade. | commander/commandé grand/grande pizza bouteille/bouteilles limonade
J'ai haché les oignons et l'ail pour la soupe. | hacher/haché oignon/oignons ail soupe
Les enfants ont cueilli des fraises mûres dans le champ. | enfant/enfants cueillir/cueilli fraise/fraises mûr/mûres champ
Mon père fait les meilleures crêpes du monde. | père meilleur/meilleures crêpe/crêpes monde
Nous avons pique-niqué avec du fromage, du raisin et du pain frais. | pique-niquer/pique-niqué fromage raisin pain frais
Il a encore brûlé les tartines ce matin. | brûler/brûlé tartine/tartines matin
Ce restaurant sert du poisson pêché le jour même. | restaurant servir/sert poisson pêcher/pêché jour
Elle a versé le thé chaud dans les petites tasses. | verser/versé thé chaud petit/petites tasse/tasses
J'ai oublié d'acheter du sucre au supermarché. | oublier/oublié acheter sucre supermarché
Le chef a goûté la sauce et a ajouté un peu de poivre. | chef goûter/goûté sauce ajouter/ajouté poivre
Ma sœur ne mange jamais de viande ni de poisson. | sœur manger/mange viande poisson
Les pommes de notre arbre sont sucrées et juteuses. | pomme/pommes arbre sucré/sucrées juteux/juteuses
Il a étalé du beurre et du miel sur sa tartine. | étaler/étalé beurre miel tartine
J'ai mélangé la farine, le sucre et les œufs dans un grand bol. | mélanger/mélangé farine sucre œuf/œufs grand bol
Les bananes ont noirci sur le comptoir de la cuisine. | banane/bananes noircir/noirci comptoir cuisine
Nos invités ont adoré la tarte au citron servie après le dîner. | invité/invités adorer/adoré tarte citron servir/servie dîner
Elle a pressé trois citrons pour faire une limonade fraîche. | presser/pressé citron/citrons limonade frais/fraîche
Le fermier vend des œufs et du lait au marché. | fermier vendre/vend œuf/œufs lait marché
Nous buvons toujours un café noir après le déjeuner. | boire/buvons café noir déjeuner
Le boulanger nous a donné un croissant encore tiède. | boulanger donner/donné croissant tiède
# travail
Le directeur a expliqué les nouvelles règles pendant la réunion du matin. | directeur expliquer/expliqué nouveau/nouvelles règle/règles réunion matin
J'ai envoyé le rapport à mon patron avant le déjeuner. | envoyer/envoyé rapport patron déjeuner
Les ouvriers ont terminé le nouveau pont avec deux mois d'avance. | ouvrier/ouvriers terminer/terminé nouveau pont mois avance
Il passe la plus grande partie de la journée à répondre aux courriels. | passer/passe grand/grande partie journée répondre courriel/courriels
Notre entreprise a embauché trois jeunes ingénieurs ce printemps. | entreprise embaucher/embauché jeune/jeunes ingénieur/ingénieurs printemps
L'imprimante est tombée en panne juste avant la réunion importante. | imprimante tomber/tombée panne réunion important/importante
Mon collègue m'emmène au bureau quand il pleut. | collègue emmener/emmène bureau pleuvoir/pleut
Elle a écrit une longue lettre au directeur de la banque. | écrire/écrit long/longue lettre directeur banque
Le boulanger se lève à quatre heures pour faire le pain. | boulanger lever/lève heure/heures pain
Ils ont signé le contrat après une longue discussion. | signer/signé contrat long/longue discussion
Il a perdu son travail quand l'usine a fermé. | perdre/perdu travail usine fermer/fermé
Le professeur a corrigé toutes les rédactions pendant le week-end. | professeur corriger/corrigé rédaction/rédactions week-end
J'ai demandé à mon chef un jour de congé la semaine prochaine. | demander/demandé chef jour congé semaine prochain/prochaine
L'avocat a lu les documents attentivement avant le procès. | avocat lire/lu document/documents procès
Le vendeur m'a aidé à trouver une veste chaude. | vendeur aider/aidé trouver veste chaud/chaude
Notre équipe a reçu un prix pour le meilleur projet. | équipe recevoir/reçu prix meilleur projet
Les maçons réparent le toit de la vieille école. | maçon/maçons réparer/réparent toit vieux/vieille école
Il était nerveux avant son premier entretien d'embauche. | nerveux premier entretien embauche
Le pilote a demandé aux passagers d'attacher leur ceinture. | pilote demander/demandé passager/passagers attacher ceinture
Il gagne plus d'argent depuis qu'il a changé de travail. | gagner/gagne argent changer/changé travail
La secrétaire a réservé une salle pour la conférence. | réserver/réservé salle conférence
Le mécanicien a réparé les freins de ma voiture en une heure. | mécanicien réparer/réparé frein/freins voiture heure
J'ai oublié mon mot de passe et je n'ai pas pu ouvrir l'ordinateur. | oublier/oublié ouvrir ordinateur
Le facteur apporte le courrier vers dix heures. | facteur apporter/apporte courrier heure/heures
Ma voisine travaille de nuit dans une grande usine. | travailler/travaille nuit grand/grande usine
# voyages
Nous avons pris l'avion pour Rome, puis le train pour Florence. | prendre/pris avion train
L'avion a atterri sans problème malgré le vent fort. | avion atterrir/atterri problème vent fort
Ils ont fait leurs valises la veille du départ. | valise/valises veille départ
J'ai perdu mon passeport à l'aéroport de Madrid. | perdre/perdu passeport aéroport
Nous avons logé dans un petit hôtel près de la plage. | loger/logé petit hôtel plage
Le bus était en retard, alors nous avons raté le début du film. | bus retard rater/raté début film
Elle a voyagé en Asie pendant six mois après ses études. | voyager/voyagé mois étude/études
Les touristes ont pris des centaines de photos du vieux château. | touriste/touristes prendre/pris photo/photos vieux château
Notre train a quitté la gare exactement à l'heure. | train quitter/quitté gare heure
Il a loué une voiture et il a conduit le long de la côte. | louer/loué voiture conduire/conduit côte
Nous avons acheté nos billets en ligne pour éviter la longue file d'attente. | acheter/acheté billet/billets éviter long/longue file
Le guide nous a montré la plus vieille église de la ville. | guide montrer/montré vieux/vieille église ville
J'ai toujours le mal de mer sur les petits bateaux. | mer petit/petits bateau/bateaux
Ils ont dormi sous une tente au sommet de la colline. | dormir/dormi tente sommet colline
Ma valise était trop lourde, alors j'ai payé un supplément. | valise lourd/lourde payer/payé supplément
Nous avons traversé le pont à pied pour voir le coucher du soleil. | traverser/traversé pont pied voir soleil
Le bateau est sorti lentement du port animé. | bateau sortir/sorti port animé
Elle nous a envoyé une carte postale d'une petite île. | envoyer/envoyé carte petit/petite île
Le chauffeur de taxi connaissait un chemin plus court jusqu'à l'hôtel. | chauffeur taxi connaître/connaissait chemin court hôtel
Nous avons raté le dernier bus et nous sommes rentrés sous la pluie. | rater/raté dernier bus rentrer/rentrés pluie
La chambre d'hôtel avait une jolie vue sur le lac. | chambre hôtel joli/jolie vue lac
Il a oublié son appareil photo dans le train de Paris. | oublier/oublié appareil photo train
Le vol a été annulé à cause de la neige abondante. | vol annuler/annulé neige abondant/abondante
Nous avons passé la frontière tôt le matin. | passer/passé frontière matin
J'ai noté l'adresse de l'hôtel sur un bout de papier. | noter/noté adresse hôtel bout papier
# météo
Il a neigé toute la nuit et les rues étaient blanches le matin. | neiger/neigé nuit rue/rues blanc/blanches matin
Le soleil est revenu après une semaine de fortes pluies. | soleil revenir/revenu semaine fort/fortes pluie/pluies
Un vent violent a renversé plusieurs arbres dans le parc. | vent violent renverser/renversé arbre/arbres parc
Le ciel s'est assombri et le tonnerre a grondé sur les collines. | ciel assombrir/assombri tonnerre gronder/grondé colline/collines
Nous sommes restés à l'intérieur parce que l'orage empirait. | rester/restés intérieur orage empirer/empirait
La météo annonce du soleil pour tout le week-end. | météo annoncer/annonce soleil week-end
Un épais brouillard couvrait la vallée tôt ce matin. | épais brouillard couvrir/couvrait vallée matin
La rivière a gelé pendant l'hiver le plus froid depuis des années. | rivière geler/gelé hiver froid année/années
De fortes pluies ont inondé les routes près du village. | fort/fortes pluie/pluies inonder/inondé route/routes village
Les enfants ont fait un bonhomme de neige dans le jardin. | enfant/enfants bonhomme neige jardin
Il faisait si chaud que la glace a fondu en quelques minutes. | chaud glace fondre/fondu minute/minutes
Les nuages ont disparu et les étoiles brillaient dans le ciel. | nuage/nuages disparaître/disparu étoile/étoiles briller/brillaient ciel
La foudre est tombée sur le vieux chêne derrière l'église. | foudre tomber/tombée vieux chêne église
Une brise fraîche venait de la mer le soir. | brise frais/fraîche venir/venait mer soir
Les feuilles tombent des arbres en automne. | feuille/feuilles tomber/tombent arbre/arbres automne
Nous portions des manteaux chauds et des gants parce qu'il gelait. | porter/portions manteau/manteaux chaud/chauds gant/gants geler/gelait
La pluie s'est arrêtée et un arc-en-ciel est apparu au-dessus des champs. | pluie arrêter/arrêtée arc-en-ciel apparaître/apparu champ/champs
La température est descendue en dessous de zéro cette nuit. | température descendre/descendue zéro nuit
# animaux
Les chiens ont couru après la balle sur l'herbe mouillée. | chien/chiens courir/couru balle herbe
Un petit oiseau a construit son nid dans notre cheminée. | petit oiseau construire/construit nid cheminée
Les chevaux galopaient à travers le champ. | cheval/chevaux galoper/galopaient champ
Notre chat a attrapé une souris dans le jardin hier. | chat attraper/attrapé souris jardin
Les vaches donnent plus de lait pendant les mois d'été. | vache/vaches donner/donnent lait mois été
Une grosse araignée se cachait sous mon lit. | gros/grosse araignée cacher/cachait lit
Les moutons ont suivi le berger jusqu'à la grange. | mouton/moutons suivre/suivi berger grange
Deux canards nageaient tranquillement sur l'étang. | canard/canards nager/nageaient étang
Les souris ont mangé le fromage que nous avions laissé dans la cuisine. | souris manger/mangé fromage laisser/laissé cuisine
Mon chien aboie très fort quand le facteur arrive. | chien aboyer/aboie facteur arriver/arrive
Les loups ont hurlé à la lune toute la nuit. | loup/loups hurler/hurlé lune nuit
Le gardien du zoo nourrit les lions deux fois par jour. | gardien zoo nourrir/nourrit lion/lions jour
Un ours énorme est apparu à la lisière de la forêt. | ours énorme apparaître/apparu lisière forêt
Le chiot a mâché mes chaussures neuves pendant que j'étais au travail. | chiot mâcher/mâché chaussure/chaussures neuf/neuves travail
Les abeilles récoltent le pollen des fleurs dans la prairie. | abeille/abeilles récolter/récoltent pollen fleur/fleurs prairie
Les enfants ont donné du pain aux oies dans le parc. | enfant/enfants donner/donné pain oie/oies parc
Le renard a volé deux poules à la ferme cette nuit. | renard voler/volé poule/poules ferme nuit
Ma sœur a peur des serpents et des araignées. | sœur peur serpent/serpents araignée/araignées
Le lapin a creusé un trou profond sous la clôture. | lapin creuser/creusé trou profond clôture
Un minuscule chaton dormait dans un panier près du feu. | minuscule chaton dormir/dormait panier feu
Les éléphants ont bu l'eau de la rivière boueuse. | éléphant/éléphants boire/bu eau rivière boueux/boueuse
Notre perroquet répète tous les mots qu'il entend. | perroquet répéter/répète mot/mots entendre/entend
Les pêcheurs ont attrapé un énorme poisson près des rochers. | pêcheur/pêcheurs attraper/attrapé énorme poisson rocher/rochers
Les singes sautaient d'une branche à l'autre dans le grand arbre. | singe/singes sauter/sautaient branche grand arbre
Un papillon s'est posé sur la fleur jaune. | papillon poser/posé fleur jaune
Nous avons vu des dauphins nager à côté de notre bateau. | voir/vu dauphin/dauphins nager bateau
La chouette était perchée sur une branche du vieil arbre. | chouette branche vieux/vieil arbre
Ma grand-mère élève des poules derrière sa maison. | grand-mère élever/élève poule/poules maison
Le chien a enterré son os dans le jardin. | chien enterrer/enterré os jardin
Le jeune cerf s'est enfui dans les bois quand il nous a vus. | jeune cerf enfuir/enfui bois voir/vus
Les chevaux blancs mangeaient du foin dans l'écurie. | cheval/chevaux blanc/blancs manger/mangeaient foin écurie
# sport
Notre équipe a marqué deux buts en deuxième mi-temps. | équipe marquer/marqué but/buts deuxième mi-temps
Elle court cinq kilomètres chaque matin avant le travail. | courir/court kilomètre/kilomètres matin travail
Il s'est blessé au genou pendant le match de football. | blesser/blessé genou match football
Les joueurs se sont serré la main après le match. | joueur/joueurs serrer/serré main match
Nous nageons dans le lac quand l'eau est chaude. | nager/nageons lac eau chaud/chaude
Le gardien a attrapé le ballon d'une seule main. | gardien attraper/attrapé ballon seul/seule main
Mon frère joue au tennis avec ses amis tous les samedis. | frère jouer/joue tennis ami/amis samedi/samedis
La foule a applaudi quand la coureuse a franchi la ligne d'arrivée. | foule applaudir/applaudi franchir/franchi ligne arrivée
Elle a gagné une médaille d'or au championnat national. | gagner/gagné médaille or championnat national
Ils ont escaladé la plus haute montagne du pays. | escalader/escaladé haut/haute montagne pays
L'entraîneur a dit aux joueurs de s'entraîner davantage. | entraîneur dire/dit joueur/joueurs entraîner
L'arbitre a sifflé et a arrêté le match. | arbitre siffler/sifflé arrêter/arrêté match
J'ai perdu la course à moins d'une seconde près. | perdre/perdu course seconde
Nous avons regardé le match sur un grand écran sur la place. | regarder/regardé match grand écran place
Les skieurs descendaient la pente raide à toute vitesse. | skieur/skieurs descendre/descendaient pente raide vitesse
Elle a battu le record du monde du saut en longueur. | battre/battu record monde saut longueur
Les supporters ont chanté pendant tout le match. | supporter/supporters chanter/chanté match
Il a lancé le ballon par-dessus la clôture sans le faire exprès. | lancer/lancé ballon clôture
Notre petite équipe a battu le meilleur club de la ville. | petit/petite équipe battre/battu meilleur club ville
Il fait du vélo jusqu'au stade les jours de match. | vélo stade jour/jours match
# école
Les élèves ont écrit une courte rédaction sur leurs vacances d'été. | élève/élèves écrire/écrit court/courte rédaction vacances été
Le professeur a posé une question difficile sur la guerre. | professeur poser/posé question difficile guerre
J'ai oublié mes devoirs sur la table de la cuisine. | oublier/oublié devoir/devoirs table cuisine
Les enfants ont chanté une chanson pour leurs parents à la fin de l'année. | enfant/enfants chanter/chanté chanson parent/parents fin année
Elle étudie la chimie dans une grande université. | étudier/étudie chimie grand/grande université
Nous avons appris un nouveau poème par cœur pour la leçon. | apprendre/appris nouveau poème cœur leçon
Les élèves ont dessiné des animaux pendant le cours d'art. | élève/élèves dessiner/dessiné animal/animaux cours art
Il a raté l'examen de maths, mais il a réussi celui d'histoire. | rater/raté examen réussir/réussi histoire
La bibliothèque ferme plus tôt le vendredi pendant les vacances. | bibliothèque fermer/ferme vendredi vacances
Notre maîtresse nous a lu l'histoire d'un chevalier courageux. | lire/lu histoire chevalier courageux
Mon fils a rapporté un mot de son professeur à la maison. | fils rapporter/rapporté mot professeur maison
J'ai emprunté trois livres sur l'espace à la bibliothèque de l'école. | emprunter/emprunté livre/livres espace bibliothèque école
Elle a expliqué la règle de grammaire avec un exemple simple. | expliquer/expliqué règle grammaire exemple simple
La classe a visité le musée des sciences en mars. | classe visiter/visité musée science/sciences
Nous avons passé nos examens dans une salle froide. | passer/passé examen/examens salle froid/froide
Les étudiants lisent des romans classiques en cours de littérature. | étudiant/étudiants lire/lisent roman/romans classique/classiques littérature
# ville
Les rues étaient pleines de gens qui achetaient des cadeaux. | rue/rues plein/pleines gens acheter/achetaient cadeau/cadeaux
Un nouveau cinéma a ouvert à côté du centre commercial. | nouveau cinéma ouvrir/ouvert centre commercial
La circulation était terrible à cause des travaux sur la route principale. | circulation terrible route principal/principale
Nous avons attendu le tramway à l'arrêt près de la banque. | attendre/attendu tramway arrêt banque
Ils construisent une haute tour au milieu de la ville. | construire/construisent haut/haute tour milieu ville
Je me suis perdu dans les rues étroites de la vieille ville. | perdre/perdu rue/rues étroit/étroites vieux/vieille ville
Le marché vend du poisson frais et des légumes le jeudi. | marché vendre/vend poisson frais légume/légumes
Une voiture de police est passée avec sa sirène. | voiture police passer/passée sirène
La mairie a planté des centaines d'arbres le long du fleuve. | mairie planter/planté arbre/arbres fleuve
Le musée était plein de touristes ce dimanche pluvieux. | musée plein touriste/touristes dimanche pluvieux
Nous avons trouvé un café tranquille sur une petite place. | trouver/trouvé café tranquille petit/petite place
Toutes les lumières de la rue se sont éteintes pendant l'orage. | lumière/lumières rue éteindre/éteintes orage
Le vieux pont est fermé aux voitures la nuit. | vieux pont fermer/fermé voiture/voitures nuit
Des milliers de personnes ont défilé dans le centre-ville. | personne/personnes défiler/défilé centre-ville
Un musicien jouait du violon devant la gare. | musicien jouer/jouait violon gare
Le métro est le moyen le plus rapide de traverser la ville. | métro moyen rapide traverser ville
Les enfants jouaient au ballon sur le parking vide. | enfant/enfants jouer/jouaient ballon parking vide
Mon appartement se trouve au quatrième étage d'un immeuble gris. | appartement trouver/trouve étage immeuble gris
La boulangerie du coin vend les meilleurs croissants du quartier. | boulangerie coin vendre/vend meilleur/meilleurs croissant/croissants quartier
Nous nous sommes assis sur un banc et nous avons nourri les pigeons. | asseoir/assis banc nourrir/nourri pigeon/pigeons
# nature
La rivière coule au fond d'une vallée profonde entre deux montagnes. | rivière couler/coule fond vallée profond/profonde montagne/montagnes
Nous avons cueilli des mûres sauvages le long du chemin. | cueillir/cueilli mûre/mûres sauvage/sauvages chemin
La forêt était silencieuse, à part le chant d'un oiseau. | forêt silencieux/silencieuse chant oiseau
De grands pins poussent sur le flanc de la montagne. | grand/grands pin/pins pousser/poussent flanc montagne
Les vagues se brisaient contre les rochers de la côte. | vague/vagues briser/brisaient rocher/rochers côte
Nous sommes montés au sommet de la colline pour voir le lever du soleil. | monter/montés sommet colline voir soleil
Les feuilles mortes couvraient le sentier dans les bois. | feuille/feuilles mort/mortes couvrir/couvraient sentier bois
Le lac ressemblait à un miroir dans l'air calme du matin. | lac ressembler/ressemblait miroir air calme matin
Les fleurs sauvages poussent partout dans les prés en juin. | fleur/fleurs sauvage/sauvages pousser/poussent pré/prés
Un petit ruisseau coule derrière notre maison de campagne. | petit ruisseau couler/coule maison campagne
Le volcan est entré en éruption et a couvert les villages de cendres. | volcan entrer/entré éruption couvrir/couvert village/villages cendre/cendres
Nous étions allongés dans l'herbe et nous regardions les étoiles. | herbe regarder/regardions étoile/étoiles
Le désert est très chaud le jour et froid la nuit. | désert chaud jour froid nuit
Les explorateurs ont découvert une grotte derrière la cascade. | explorateur/explorateurs découvrir/découvert grotte cascade
Le sol était couvert de neige fraîche. | sol couvrir/couvert neige frais/fraîche
Le soleil se couche derrière les montagnes le soir. | soleil coucher/couche montagne/montagnes soir
Nous avons entendu les grenouilles coasser près de l'étang. | entendre/entendu grenouille/grenouilles coasser étang
L'île a de belles plages et une eau bleue très claire. | île beau/belles plage/plages eau bleu/bleue clair/claire
D'énormes rochers sont tombés sur la route après les fortes pluies. | énorme/énormes rocher/rochers tomber/tombés route pluie/pluies
Un arc-en-ciel s'étendait dans le ciel gris. | arc-en-ciel étendre/étendait ciel gris
# santé
J'ai un terrible mal de tête et la gorge qui gratte. | terrible tête gorge gratter/gratte
Le médecin m'a donné des comprimés contre la toux. | médecin donner/donné comprimé/comprimés toux
Elle s'est cassé le bras en tombant de son vélo. | casser/cassé bras tomber/tombant vélo
Il faut boire beaucoup d'eau quand il fait chaud. | boire eau chaud
Il se brosse les dents deux fois par jour. | brosser/brosse dent/dents fois jour
Mon grand-père marche dans le parc chaque matin pour rester en forme. | grand-père marcher/marche parc matin rester forme
L'infirmier a pris ma température et ma tension. | infirmier prendre/pris température tension
J'ai attrapé un rhume en rentrant à pied sous la pluie. | attraper/attrapé rhume rentrer/rentrant pied pluie
Il s'est fait mal au dos en soulevant une caisse lourde. | dos soulever/soulevant caisse lourd/lourde
Le dentiste m'a arraché une dent de sagesse. | dentiste arracher/arraché dent sagesse
Elle dort huit heures par nuit et se sent en pleine forme. | dormir/dort heure/heures nuit sentir/sent forme
Le garçon s'est coupé le doigt avec un couteau pointu. | garçon couper/coupé doigt couteau pointu
Les fruits et les légumes frais gardent le corps en bonne santé. | fruit/fruits légume/légumes frais garder/gardent corps santé
Je suis allé à la pharmacie pour acheter des médicaments. | aller/allé pharmacie acheter médicament/médicaments
J'ai mal aux yeux après une journée devant l'ordinateur. | œil/yeux journée ordinateur
Le patient a attendu deux heures avant de voir le médecin. | patient attendre/attendu heure/heures voir médecin
Il a arrêté de fumer et il court tous les matins. | arrêter/arrêté fumer courir/court matin/matins
Elle s'est tordu la cheville dans l'escalier. | tordre/tordu cheville escalier
L'ambulance a emmené le blessé à l'hôpital. | ambulance emmener/emmené blessé hôpital
Les médecins disent que rire est bon pour le cœur. | médecin/médecins dire/disent rire bon cœur
# courses
J'ai acheté un jean bleu pendant les soldes. | acheter/acheté jean bleu
Les chaussures que je voulais étaient trop petites pour mes pieds. | chaussure/chaussures vouloir/voulais petit/petites pied/pieds
Elle a payé ses courses avec sa carte bancaire. | payer/payé carte bancaire
Le magasin ferme à six heures, alors il faut se dépêcher. | magasin fermer/ferme heure/heures dépêcher
Il a choisi une cravate rouge pour le mariage. | choisir/choisi cravate rouge mariage
Nous avons porté les sacs lourds jusqu'à la voiture. | porter/porté sac/sacs lourd/lourds voiture
La caissière m'a rendu la mauvaise monnaie. | rendre/rendu mauvais/mauvaise monnaie
Ma mère écrit toujours une liste avant de faire les courses. | mère écrire/écrit liste
J'ai essayé trois robes dans la boutique, mais aucune ne m'allait. | essayer/essayé robe/robes boutique
Les prix de ce supermarché ont beaucoup augmenté. | prix supermarché augmenter/augmenté
Elle a dépensé tout son argent en livres et en vêtements. | dépenser/dépensé argent livre/livres vêtement/vêtements
J'ai rapporté le grille-pain cassé et on m'a remboursé. | rapporter/rapporté grille-pain rembourser/remboursé
Nous avons comparé les prix avant d'acheter un nouveau frigo. | comparer/comparé prix acheter nouveau frigo
Les stands du marché vendent des fruits et des fleurs à petit prix. | stand/stands marché vendre/vendent fruit/fruits fleur/fleurs
# famille et amis
Mes parents ont fêté leur anniversaire de mariage dans un petit restaurant. | parent/parents fêter/fêté anniversaire mariage petit restaurant
Son petit frère lui emprunte toujours ses vêtements sans demander. | petit frère emprunter/emprunte vêtement/vêtements demander
Nous rendons visite à nos grands-parents à la campagne chaque été. | rendre/rendons visite grand-parent/grands-parents campagne été
Mon cousin s'est marié dans une belle église ancienne. | cousin marier/marié beau/belle église ancien/ancienne
Toute la famille s'est réunie autour de la table pour l'anniversaire. | famille réunir/réunie table anniversaire
Ma sœur et moi nous sommes disputés pour la télécommande. | sœur disputer/disputés télécommande
Notre fille a fait ses premiers pas la semaine dernière. | fille premier/premiers pas semaine dernier/dernière
Papi raconte des histoires drôles sur sa jeunesse à la campagne. | papi raconter/raconte histoire/histoires drôle/drôles jeunesse campagne
Ma meilleure amie est partie vivre dans un autre pays l'année dernière. | meilleur/meilleure amie partir/partie vivre pays année
Les enfants ont serré leur père dans leurs bras quand il est rentré. | enfant/enfants serrer/serré père bras rentrer/rentré
Ils ont donné à leur bébé le prénom de sa grand-mère. | donner/donné bébé prénom grand-mère
Ma tante m'envoie une carte chaque année pour mon anniversaire. | tante envoyer/envoie carte année anniversaire
Nous avons invité tous nos voisins à la fête dans le jardin. | inviter/invité voisin/voisins fête jardin
Les garçons se sont disputé le dernier morceau de gâteau. | garçon/garçons disputer/disputé dernier morceau gâteau
Mon mari a préparé le petit-déjeuner pour tout le monde ce matin. | mari préparer/préparé petit-déjeuner monde matin
Elle écrit de longues lettres à sa correspondante canadienne. | écrire/écrit long/longues lettre/lettres correspondante canadien/canadienne
Mon petit frère a cassé ma tasse préférée. | petit frère casser/cassé tasse préféré/préférée
Nous avons passé les fêtes avec nos cousins à la montagne. | passer/passé fête/fêtes cousin/cousins montagne
Ses grands-parents se sont rencontrés à un bal il y a soixante ans. | grand-parent/grands-parents rencontrer/rencontrés bal an/ans
Mon fils veut devenir pilote quand il sera grand. | fils vouloir/veut devenir pilote grand
# loisirs
Elle peint des paysages pendant son temps libre. | peindre/peint paysage/paysages temps libre
Mon oncle collectionne les vieilles pièces du monde entier. | oncle collectionner/collectionne vieux/vieilles pièce/pièces monde
Nous allons pêcher au lac tous les dimanches matin. | aller/allons pêcher lac dimanche/dimanches matin
Il joue de la guitare dans un groupe de rock avec ses amis. | jouer/joue guitare groupe rock ami/amis
J'apprends à tricoter un bonnet chaud pour l'hiver. | apprendre/apprends tricoter bonnet chaud hiver
Ils ont passé tout le week-end à construire une maquette de bateau. | passer/passé week-end construire maquette bateau
Ma grand-mère fait les mots croisés du journal tous les jours. | grand-mère mot/mots journal jour/jours
Nous avons campé dans la forêt et cuisiné sur un feu de bois. | camper/campé forêt cuisiner/cuisiné feu bois
Elle prend de belles photos d'oiseaux et de fleurs. | prendre/prend beau/belles photo/photos oiseau/oiseaux fleur/fleurs
Il lit des romans policiers dans le train pour aller au travail. | lire/lit roman/romans policier/policiers train travail
Je me suis inscrit dans une chorale et nous chantons le mardi soir. | inscrire/inscrit chorale chanter/chantons mardi soir
Les filles ont dansé toute la nuit à la fête de l'école. | fille/filles danser/dansé nuit fête école
Mon père cultive des tomates dans une petite serre. | père cultiver/cultive tomate/tomates petit/petite serre
Nous avons joué aux échecs jusque tard dans la soirée. | jouer/joué échecs soirée
Il a sculpté un petit oiseau dans un morceau de bois. | sculpter/sculpté petit oiseau morceau bois
Elle coud elle-même ses robes sur une vieille machine. | coudre/coud robe/robes vieux/vieille machine
Mes amis et moi faisons de la randonnée dans les collines le week-end. | ami/amis randonnée colline/collines week-end
Le garçon a fait voler son cerf-volant sur la plage venteuse. | garçon cerf-volant plage venteux/venteuse
J'ai fait des biscuits pour mes amis samedi. | biscuit/biscuits ami/amis samedi
Nous avons regardé un vieux film en noir et blanc à la télévision. | regarder/regardé vieux film télévision
# technologie
La batterie de mon téléphone s'est vidée au milieu de l'appel. | batterie téléphone vider/vidée milieu appel
Il a téléchargé un nouveau jeu sur sa tablette. | télécharger/téléchargé nouveau jeu tablette
L'ordinateur a planté et j'ai perdu tout mon travail. | ordinateur planter/planté perdre/perdu travail
Elle m'a envoyé un message avec une photo de son nouveau chiot. | envoyer/envoyé message photo nouveau chiot
Je recharge mon ordinateur portable tous les soirs avant de me coucher. | recharger/recharge ordinateur portable soir/soirs coucher
La connexion internet était très lente à l'hôtel. | connexion internet lent/lente hôtel
Ma grand-mère a appris à faire des appels vidéo avec ses petits-enfants. | grand-mère apprendre/appris appel/appels vidéo petit-enfant/petits-enfants
Il a acheté un appareil photo bon marché, mais il est tombé en panne après une semaine. | acheter/acheté appareil tomber/tombé panne semaine
L'imprimante n'avait plus d'encre au milieu de ma dissertation. | imprimante encre milieu dissertation
Nous avons mis à jour les logiciels de tous les ordinateurs du bureau. | mettre/mis jour logiciel/logiciels ordinateur/ordinateurs bureau
Elle a oublié d'enregistrer le fichier et a dû tout recommencer. | oublier/oublié enregistrer fichier recommencer
L'écran de mon téléphone s'est fissuré quand je l'ai fait tomber. | écran téléphone fissurer/fissuré tomber
Mon fils passe trop de temps à jouer aux jeux vidéo. | fils passer/passe temps jouer jeu/jeux vidéo
La nouvelle application aide les gens à trouver des vols pas chers. | nouveau/nouvelle application aider/aide gens trouver vol/vols
Il a tapé la lettre rapidement et en a imprimé deux copies. | taper/tapé lettre imprimer/imprimé copie/copies
# musique et art
L'orchestre a joué une belle symphonie dans la vieille salle de concert. | orchestre jouer/joué beau/belle symphonie vieux/vieille salle concert
Elle chante dans la chorale de l'église depuis son enfance. | chanter/chante chorale église enfance
Le groupe a joué ses chansons les plus célèbres à la fin du concert. | groupe jouer/joué chanson/chansons célèbre/célèbres fin concert
Il écoute du jazz pendant qu'il fait la cuisine. | écouter/écoute jazz cuisine
L'artiste a peint un portrait de la reine. | artiste peindre/peint portrait reine
Nous avons dansé sur la musique jusqu'au lever du soleil. | danser/dansé musique lever soleil
Ma fille travaille son piano une heure par jour. | fille travailler/travaille piano heure jour
Le public a applaudi longtemps à la fin du spectacle. | public applaudir/applaudi fin spectacle
Le chanteur a oublié les paroles de la deuxième chanson. | chanteur oublier/oublié parole/paroles deuxième chanson
La galerie expose des tableaux de jeunes artistes de la région. | galerie exposer/expose tableau/tableaux jeune/jeunes artiste/artistes région
Il a écrit une chanson pour l'anniversaire de sa copine. | écrire/écrit chanson anniversaire copine
Les enfants ont fabriqué des masques colorés pour le carnaval. | enfant/enfants fabriquer/fabriqué masque/masques coloré/colorés carnaval
J'ai entendu une belle chanson à la radio ce matin. | entendre/entendu beau/belle chanson radio matin
Le batteur a cassé une baguette pendant le premier morceau. | batteur casser/cassé baguette premier morceau
Les étudiants ont visité une exposition de sculpture moderne. | étudiant/étudiants visiter/visité exposition sculpture moderne
# vêtements
Elle portait une longue robe rouge à la fête. | porter/portait long/longue robe rouge fête
Il a oublié son écharpe et il a eu froid aux oreilles. | oublier/oublié écharpe froid oreille/oreilles
J'ai besoin de nouvelles bottes pour l'hiver. | besoin nouveau/nouvelles botte/bottes hiver
La veste était trop serrée, alors j'en ai acheté une plus grande. | veste acheter/acheté grand/grande
Ma grand-mère m'a tricoté un pull en laine épais. | grand-mère tricoter/tricoté pull laine épais
Il a mis son plus beau costume pour l'entretien. | mettre/mis beau costume entretien
Les enfants ont laissé leurs bottes pleines de boue devant la porte. | enfant/enfants laisser/laissé botte/bottes boue porte
Elle a repassé sa chemise blanche avant la réunion. | repasser/repassé chemise blanc/blanche réunion
Ce pantalon est trop long pour mon petit frère. | pantalon long petit frère
J'ai perdu un de mes gants dans le bus. | perdre/perdu gant/gants bus
Il porte toujours un chapeau noir et un manteau gris. | porter/porte chapeau noir manteau gris
Ma sœur a teint son vieux jean en bleu foncé. | sœur teindre/teint vieux jean bleu foncé
# transports
Le train pour l'aéroport part toutes les quinze minutes. | train aéroport partir/part minute/minutes
Il a garé sa voiture devant la poste. | garer/garé voiture poste
Nous avons pris le ferry pour traverser la baie jusqu'à l'île. | prendre/pris ferry traverser baie île
Le chauffeur du bus a attendu que la vieille dame s'assoie. | chauffeur bus attendre/attendu vieux/vieille dame asseoir/assoie
Mon vélo a un pneu crevé, alors je suis allé à l'école à pied. | vélo pneu crevé aller/allé école pied
Les routes étaient verglacées et plusieurs voitures ont glissé. | route/routes verglacé/verglacées voiture/voitures glisser/glissé
Elle a appris à conduire dans la vieille voiture de son père. | apprendre/appris conduire vieux/vieille voiture père
L'avion a décollé avec une heure de retard à cause du brouillard. | avion décoller/décollé heure retard brouillard
Nous avons longé le canal à vélo jusqu'à la ville voisine. | longer/longé canal vélo ville voisine
Un camion a bloqué la rue étroite pendant une heure. | camion bloquer/bloqué rue étroit/étroite heure
Il a raté son train parce que son réveil n'a pas sonné. | rater/raté train réveil sonner/sonné
Les passagers se sont plaints du long retard. | passager/passagers plaindre/plaints long retard
Le taxi nous a conduits de la gare à l'hôtel. | taxi conduire/conduits gare hôtel
J'ai vendu ma vieille moto à un collègue. | vendre/vendu vieux/vieille moto collègue
# fêtes
Nous avons décoré le sapin avec des guirlandes et des boules de verre. | décorer/décoré sapin guirlande/guirlandes boule/boules verre
Les enfants ont ouvert leurs cadeaux le matin de Noël. | enfant/enfants ouvrir/ouvert cadeau/cadeaux matin
Ils ont tiré des feux d'artifice à minuit pour fêter la nouvelle année. | tirer/tiré feu/feux minuit fêter nouveau/nouvelle année
Ma grand-mère a fait un énorme gâteau pour mon anniversaire. | grand-mère énorme gâteau anniversaire
Nous avons chanté autour du feu la dernière nuit du camp. | chanter/chanté feu dernier/dernière nuit camp
Tout le village a dansé sur la place pendant la fête. | village danser/dansé place fête
J'ai emballé les cadeaux dans du papier coloré. | emballer/emballé cadeau/cadeaux papier coloré
Les invités ont apporté des fleurs et du vin pour le dîner. | invité/invités apporter/apporté fleur/fleurs vin dîner
Ils ont passé leur lune de miel sur une île tranquille. | passer/passé lune miel île tranquille
La mariée portait une longue robe blanche et un bouquet de roses. | porter/portait long/longue robe blanc/blanche bouquet rose/roses
Les enfants se sont déguisés en fantômes et en sorcières. | enfant/enfants déguiser/déguisés fantôme/fantômes sorcière/sorcières
Ils ont caché des œufs en chocolat partout dans le jardin. | cacher/caché œuf/œufs chocolat jardin
Nous avons fêté la fin des examens avec une grande soirée. | fêter/fêté fin examen/examens grand/grande soirée
# émotions et gens
Elle a souri en voyant son vieil ami à la gare. | sourire/souri voir/voyant vieux/vieil ami gare
Le petit garçon a pleuré parce qu'il avait perdu son ballon. | petit garçon pleurer/pleuré perdre/perdu ballon
J'étais nerveux avant de parler devant toute l'école. | nerveux parler école
Il s'est senti seul après le départ de ses amis. | sentir/senti seul départ ami/amis
Le public a ri à chaque blague du comédien. | public rire/ri blague comédien
Ma voisine est une femme gentille qui aide tout le monde. | voisine femme gentil/gentille aider/aide monde
Ils étaient fiers de leur fils quand il a fini ses études. | fier/fiers fils finir/fini étude/études
Elle était fâchée parce que personne n'écoutait son idée pendant la réunion. | écouter/écoutait idée réunion
Le vieil homme nous a remerciés d'avoir porté ses courses. | vieux/vieil homme remercier/remerciés porter/porté
Nous avons été surpris de voir de la neige en plein mois de mai. | voir neige mois
Il s'est excusé auprès de sa sœur d'avoir cassé son téléphone. | excuser/excusé sœur casser/cassé téléphone
Mon grand-père est la personne la plus calme que je connaisse. | grand-père personne calme connaître/connaisse
Elle a caché son visage parce qu'elle était timide. | cacher/caché visage timide
# vie quotidienne
Je me lève à six heures et je prépare le café pour toute la famille. | lever/lève heure/heures préparer/prépare café famille
Il fait souvent une petite sieste après le déjeuner. | petit/petite sieste déjeuner
Nous dînons ensemble autour de la table de la cuisine chaque soir. | dîner/dînons table cuisine soir
Elle promène le chien avant de partir au travail. | promener/promène chien partir travail
Je me suis coiffé et habillé en cinq minutes. | coiffer/coiffé habiller/habillé minute/minutes
Mon réveil a sonné à sept heures, mais je suis resté au lit. | réveil sonner/sonné heure/heures rester/resté lit
Le dimanche, nous dormons tard et prenons un grand petit-déjeuner. | dimanche dormir/dormons prendre/prenons petit-déjeuner
Il lisait le journal en buvant son café. | lire/lisait journal boire/buvant café
J'arrose les plantes du balcon tous les matins. | arroser/arrose plante/plantes balcon matin/matins
Elle a fermé la porte à clé et éteint les lumières. | fermer/fermé porte clé éteindre/éteint lumière/lumières
Nous avons nettoyé tout l'appartement avant l'arrivée des invités. | nettoyer/nettoyé appartement arrivée invité/invités
Mon frère sort les poubelles tous les lundis soir. | frère sortir/sort poubelle/poubelles lundi/lundis soir
J'ai accroché mon manteau à un crochet derrière la porte. | accrocher/accroché manteau crochet porte
Elle a fait son lit et ouvert les rideaux. | lit ouvrir/ouvert rideau/rideaux
# divers
Les pompiers ont sauvé une petite fille de la maison en feu. | pompier/pompiers sauver/sauvé petit/petite fille maison feu
Un voleur a pris mon sac pendant que j'étais assis au café. | voleur prendre/pris sac café
La police a arrêté les voleurs près de la frontière. | police arrêter/arrêté voleur/voleurs frontière
La scientifique a découvert une nouvelle espèce de plante dans la jungle. | découvrir/découvert nouveau/nouvelle espèce plante jungle
Le vieux château se dresse sur une colline au-dessus du fleuve. | vieux château dresser/dresse colline fleuve
Les soldats ont défilé devant le palais dans leurs uniformes rouges. | soldat/soldats défiler/défilé palais uniforme/uniformes rouge/rouges
Un bruit étrange nous a réveillés au milieu de la nuit. | bruit étrange réveiller/réveillés milieu nuit
Le roi a fait un long discours devant son peuple. | roi long discours peuple
Les enfants ont trouvé une vieille carte dans le grenier. | enfant/enfants trouver/trouvé vieux/vieille carte grenier
Le fermier conduisait lentement son tracteur sur le chemin. | fermier conduire/conduisait tracteur chemin
Le bateau a coulé après avoir heurté un rocher. | bateau couler/coulé heurter/heurté rocher
Le facteur a livré un gros colis ce matin. | facteur livrer/livré gros colis matin
Les lumières de la ville brillaient sur l'eau sombre. | lumière/lumières ville briller/brillaient eau sombre
La journaliste a écrit un article sur le nouvel hôpital. | écrire/écrit article nouveau/nouvel hôpital
Les étudiants ont manifesté contre la hausse des frais d'inscription. | étudiant/étudiants manifester/manifesté hausse frais inscription
# encore des scènes
Elle a nourri le chat et elle est retournée se coucher. | nourrir/nourri chat retourner/retournée coucher
Mes grands-parents élèvent des poules, des chèvres et un vieil âne paresseux. | grand-parent/grands-parents élever/élèvent poule/poules chèvre/chèvres vieux/vieil âne paresseux
Le vent a retourné mon parapluie. | vent retourner/retourné parapluie
Nous avons accroché une balançoire au grand arbre du jardin. | accrocher/accroché balançoire grand arbre jardin
La rivière est montée très vite après trois jours de pluie. | rivière monter/montée jour/jours pluie
Il a creusé un trou et il a planté un pommier. | creuser/creusé trou planter/planté pommier
J'ai rencontré un vieux camarade d'école dans le train hier. | rencontrer/rencontré vieux camarade école train
Le serveur a renversé du café sur ma chemise blanche toute neuve. | serveur renverser/renversé café chemise blanc/blanche neuf/neuve
Ils ont réparé le robinet qui fuyait dans la salle de bains. | réparer/réparé robinet fuir/fuyait salle bain/bains
Ma mère nous chantait des chansons quand nous étions petits. | mère chanter/chantait chanson/chansons petit/petits
Le fermier a ramené les vaches à l'étable. | fermier ramener/ramené vache/vaches étable
Nous avons ramé jusqu'à l'autre rive du lac. | ramer/ramé autre rive lac
La maîtresse a écrit la date au tableau. | maîtresse écrire/écrit date tableau
Un garçon est tombé dans la rivière et ses amis l'ont sorti de l'eau. | garçon tomber/tombé rivière ami/amis sortir/sorti eau
J'ai mordu dans la pomme et j'ai trouvé un ver. | mordre/mordu pomme trouver/trouvé ver
Elle a choisi des rideaux bleus pour le salon. | choisir/choisi rideau/rideaux bleu/bleus salon
Les enfants ont construit un château de sable près de l'eau. | enfant/enfants construire/construit château sable eau
Il a dépensé toutes ses économies pour faire le tour du monde. | dépenser/dépensé économie/économies tour monde
Le sauveteur a nagé jusqu'à l'homme épuisé. | sauveteur nager/nagé homme
La vieille dame s'est assise sur le banc pour nourrir les canards. | vieux/vieille dame asseoir/assise banc nourrir canard/canards
Nous avons entendu les cloches de l'église sonner au loin. | entendre/entendu cloche/cloches église sonner
Le vent a secoué les fenêtres toute la nuit. | vent secouer/secoué fenêtre/fenêtres nuit
Mon frère m'a appris à faire du vélo. | frère apprendre/appris vélo
Les élèves se sont levés quand le directeur est entré dans la classe. | élève/élèves lever/levés directeur entrer/entré classe
Elle a vendu ses tableaux au marché samedi dernier. | vendre/vendu tableau/tableaux marché samedi dernier
J'ai balayé les feuilles dans l'allée devant la maison. | balayer/balayé feuille/feuilles allée maison
Le chien s'est secoué pour enlever l'eau de ses poils. | chien secouer/secoué enlever eau poil/poils
Nous avons trouvé de vieilles photos de nos grands-parents dans un tiroir. | trouver/trouvé vieux/vieilles photo/photos grand-parent/grands-parents tiroir
Le chat a fait tomber un verre de la table. | chat tomber verre table
Ils ont couru jusqu'à la gare, mais le train était déjà parti. | courir/couru gare train partir/parti
Le bébé a dormi toute la nuit pour la première fois. | bébé dormir/dormi nuit premier/première fois
Les enfants faisaient du vélo le long de la plage. | enfant/enfants vélo plage
J'ai écrit mon nom en haut de la page. | écrire/écrit nom page
Un arbre est tombé en travers de la route pendant la nuit. | arbre tomber/tombé route nuit
Ma mère garde toutes nos lettres dans une vieille boîte. | mère garder/garde lettre/lettres vieux/vieille boîte
Nous avons traversé les montagnes par des routes étroites. | traverser/traversé montagne/montagnes route/routes étroit/étroites
Les filles ont ri du gros nez rouge du clown. | fille/filles rire/ri gros nez rouge clown
Il a fermé la porte doucement pour ne pas réveiller le bébé. | fermer/fermé porte réveiller bébé
Un inconnu m'a demandé le chemin de la gare. | inconnu demander/demandé chemin gare
J'ai encore oublié mon parapluie dans le bus. | oublier/oublié parapluie bus
La glace du lac était assez épaisse pour marcher dessus. | glace lac épais/épaisse marcher
Les enfants se sont cachés derrière les rideaux et ont attendu. | enfant/enfants cacher/cachés rideau/rideaux attendre/attendu
Elle a déchiré la lettre en petits morceaux. | déchirer/déchiré lettre petit/petits morceau/morceaux
Le peintre est monté sur une grande échelle pour atteindre le plafond. | peintre monter/monté grand/grande échelle atteindre plafond
Les garçons lançaient des cailloux dans la rivière. | garçon/garçons lancer/lançaient caillou/cailloux rivière
Il tenait la main de sa fille en traversant la rue. | tenir/tenait main fille traverser/traversant rue
# questions, futur, temps variés
As-tu vu le renard dans notre jardin hier soir ? | voir/vu renard jardin soir
Avez-vous déjà mangé des escargots dans un restaurant ? | manger/mangé escargot/escargots restaurant
Où as-tu acheté ces jolies chaussures jaunes ? | acheter/acheté joli/jolies chaussure/chaussures jaune/jaunes
Pourquoi est-ce que les enfants crient dans la rue ? | enfant/enfants crier/crient rue
Pourrais-tu fermer la fenêtre avant de partir ? | fermer fenêtre partir
Qui a bu tout le lait du frigo ? | boire/bu lait frigo
Depuis combien de temps est-ce que vous habitez dans cette petite ville ? | temps habiter/habitez petit/petite ville
Quelle belle vue sur la mer depuis ton balcon ! | beau/belle vue mer balcon
Regarde comme le petit cheval court vite ! | petit cheval courir/court
Nous planterons des tulipes le long de l'allée au printemps prochain. | planter/planterons tulipe/tulipes allée printemps prochain
Le nouvel hôpital ouvrira ses portes en mai. | nouveau/nouvel hôpital ouvrir/ouvrira porte/portes
Je n'oublierai jamais le jour de notre rencontre. | oublier/oublierai jour rencontre
Ils peindront la chambre en vert le week-end prochain. | peindre/peindront chambre vert week-end prochain
Elle a écrit trois romans et un recueil de poèmes. | écrire/écrit roman/romans recueil poème/poèmes
Le prix du pain a encore augmenté cette année. | prix pain augmenter/augmenté année
Il enseigne l'histoire dans le même lycée depuis trente ans. | enseigner/enseigne histoire lycée an/ans
Les enfants ont beaucoup grandi depuis l'été dernier. | enfant/enfants grandir/grandi été dernier
Le bébé vient de s'endormir dans son berceau. | bébé endormir berceau
Ils avaient déjà mangé quand nous sommes arrivés à la fête. | manger/mangé arriver/arrivés fête
Elle n'avait jamais pris l'avion avant ce voyage. | prendre/pris avion voyage
Quand le médecin est arrivé, la fièvre était déjà tombée. | médecin arriver/arrivé fièvre tomber/tombée
Les ouvriers creusaient un tunnel sous la rivière. | ouvrier/ouvriers creuser/creusaient tunnel rivière
Je préparais le dîner quand le téléphone a sonné. | préparer/préparais dîner téléphone sonner/sonné
Les oiseaux chantaient dans les arbres quand nous nous sommes réveillés. | oiseau/oiseaux chanter/chantaient arbre/arbres réveiller/réveillés
Il pleuvait fort quand nous sommes sortis du cinéma. | pleuvoir/pleuvait sortir/sortis cinéma
Les élèves préparent une pièce de théâtre pour la fin de l'année. | élève/élèves préparer/préparent pièce théâtre fin année
L'herbe pousse très vite après les pluies de printemps. | herbe pousser/pousse pluie/pluies printemps
Il va nager dans la mer même en hiver. | nager mer hiver
La lune brille à travers la fenêtre de ma chambre la nuit. | lune briller/brille fenêtre chambre nuit
Ma sœur apprend aux jeunes enfants à lire et à écrire. | sœur apprendre/apprend jeune/jeunes enfant/enfants lire écrire
Elle garde toujours une bouteille d'eau dans son sac. | garder/garde bouteille eau sac
Le ferry transporte des voitures et des passagers jusqu'à l'île. | ferry transporter/transporte voiture/voitures passager/passagers île
La boulangerie vend des petits pains chauds tôt le matin. | boulangerie vendre/vend pain/pains chaud/chauds matin
Les enfants se couchent à huit heures les soirs d'école. | enfant/enfants coucher/couchent heure/heures soir/soirs école
Il pleure chaque fois qu'il regarde ce film triste. | pleurer/pleure fois regarder/regarde film triste
L'horloger du coin répare les vieilles montres et les pendules. | horloger coin réparer/répare vieux/vieilles montre/montres pendule/pendules
Ma grand-mère écrit encore ses lettres à la main. | grand-mère écrire/écrit lettre/lettres main
Les loups affamés ont suivi le cerf dans la neige. | loup/loups affamé/affamés suivre/suivi cerf neige
Un grand homme en manteau sombre a frappé à notre porte. | grand homme manteau sombre frapper/frappé porte
Le chaton s'est endormi sur mes genoux. | chaton endormir/endormi genou/genoux
Le pompier courageux a porté l'enfant hors de la fumée. | pompier courageux porter/porté enfant fumée
La petite fille timide a enfin parlé à ses nouveaux camarades. | petit/petite fille timide parler/parlé nouveau/nouveaux camarade/camarades
Les voisins bruyants ont fait la fête jusqu'à trois heures du matin. | voisin/voisins bruyant/bruyants fête heure/heures matin
Les randonneurs ont dormi dans un refuge en haut de la montagne. | randonneur/randonneurs dormir/dormi refuge montagne
Les rues vides semblaient étranges le dimanche matin. | rue/rues vide/vides sembler/semblaient étrange/étranges dimanche matin
Nous avons pris la mauvaise route et sommes arrivés avec deux heures de retard. | prendre/pris mauvais/mauvaise route arriver/arrivés heure/heures retard
Mon mari ronfle si fort que je ne peux pas dormir. | mari ronfler/ronfle dormir
Le médecin lui a dit de se reposer pendant quelques jours. | médecin dire/dit reposer jour/jours
Elle a envoyé le colis par la poste lundi matin. | envoyer/envoyé colis poste lundi matin
Nous vendions de la limonade aux passants devant la maison. | vendre/vendions limonade passant/passants maison
Les élèves écoutaient les histoires du vieux marin. | élève/élèves écouter/écoutaient histoire/histoires vieux marin
Le vent a arraché toutes les feuilles des arbres. | vent arracher/arraché feuille/feuilles arbre/arbres
J'ai caché les cadeaux en haut de l'armoire. | cacher/caché cadeau/cadeaux armoire
Elle a choisi un nom pour son nouveau chiot. | choisir/choisi nom nouveau chiot
Il conduit cette vieille voiture depuis vingt ans. | conduire/conduit vieux/vieille voiture an/ans
Ils ont construit une aire de jeux derrière l'école. | construire/construit aire jeu/jeux école
Les moutons broutaient tranquillement l'herbe de la colline. | mouton/moutons brouter/broutaient herbe colline
Nous irons au bord de la mer dès que les vacances commenceront. | aller/irons bord mer vacances commencer/commenceront
Elle a reçu une lettre de son frère qui vit au Canada. | recevoir/reçu lettre frère vivre/vit
Les pommiers du verger sont couverts de fleurs blanches. | pommier/pommiers verger couvrir/couverts fleur/fleurs blanc/blanches
Mon grand-père se souvient de tous les noms de ses élèves. | grand-père souvenir/souvient nom/noms élève/élèves
Nous avons vu un film passionnant au cinéma hier soir. | voir/vu film passionnant cinéma soir
Le jardinier taille les rosiers au début du printemps. | jardinier tailler/taille rosier/rosiers début printemps
Il a mis le lait au frigo pour qu'il reste frais. | mettre/mis lait frigo rester/reste frais
Les enfants ont peint des œufs de toutes les couleurs. | enfant/enfants peindre/peint œuf/œufs couleur/couleurs
Elle a perdu ses clés en courant après le bus. | perdre/perdu clé/clés courir/courant bus
Le voisin tond sa pelouse tous les samedis matin. | voisin tondre/tond pelouse samedi/samedis matin
La vieille femme vendait des fleurs devant l'église. | vieux/vieille femme vendre/vendait fleur/fleurs église
Ces montagnes sont couvertes de neige toute l'année. | montagne/montagnes couvrir/couvertes neige année
Le garçon a grimpé dans l'arbre pour cueillir des cerises. | garçon grimper/grimpé arbre cueillir cerise/cerises
Nous attendions le train sur le quai depuis une heure. | attendre/attendions train quai heure
Il boit toujours un verre de vin rouge avec le dîner. | boire/boit verre vin rouge dîner
Les touristes prennent des photos devant la cathédrale. | touriste/touristes prendre/prennent photo/photos cathédrale
Mon chien dort toujours au pied de mon lit. | chien dormir/dort pied lit
Le professeur a rendu les copies corrigées aux élèves. | professeur rendre/rendu copie/copies élève/élèves
Elle a gagné le premier prix du concours de dessin. | gagner/gagné premier prix concours dessin
Nous avons mangé des crêpes au sucre sur la plage. | manger/mangé crêpe/crêpes sucre plage
Les cygnes glissaient lentement sur le lac gelé. | cygne/cygnes glisser/glissaient lac
L'enfant a renversé son verre de jus d'orange sur la nappe. | enfant renverser/renversé verre jus orange nappe
Ils ont vendu leur vieille maison pour acheter un appartement en ville. | vendre/vendu vieux/vieille maison acheter appartement ville
Le chat noir traverse la rue chaque soir à la même heure. | chat noir traverser/traverse rue soir heure
Je lis un roman policier passionnant depuis trois jours. | lire/lis roman policier passionnant jour/jours
Les feuilles jaunes tombaient doucement dans le jardin. | feuille/feuilles jaune/jaunes tomber/tombaient jardin
Ma tante fait une soupe délicieuse avec les légumes de son jardin. | tante soupe délicieux/délicieuse légume/légumes jardin
Il a ouvert la boîte et il a trouvé une vieille lettre. | ouvrir/ouvert boîte trouver/trouvé vieux/vieille lettre
Les enfants ont bâti une cabane dans la forêt. | enfant/enfants bâtir/bâti cabane forêt
Le bruit de la pluie sur le toit m'a endormi. | bruit pluie toit endormir/endormi
Elle a acheté des fraises et des cerises au marché. | acheter/acheté fraise/fraises cerise/cerises marché
Mon oncle a pêché trois truites dans la rivière. | oncle pêcher/pêché truite/truites rivière
Les chanteurs ont salué le public à la fin du concert. | chanteur/chanteurs saluer/salué public fin concert
Le soleil brillait et les oiseaux chantaient dans le parc. | soleil briller/brillait oiseau/oiseaux chanter/chantaient parc
Nous avons rangé les livres sur les étagères du salon. | ranger/rangé livre/livres étagère/étagères salon
# en plus
Le jeune fermier vendait des œufs frais et du fromage au marché du village. | jeune fermier vendre/vendait œuf/œufs frais fromage marché village
Ma grand-mère faisait pousser des pois de senteur le long du vieux mur. | grand-mère pousser pois senteur vieux mur
Les enfants fatigués se sont endormis à l'arrière de la voiture. | enfant/enfants endormir/endormis arrière voiture
Deux petits garçons faisaient voler un cerf-volant rouge au-dessus des dunes. | petit/petits garçon/garçons cerf-volant rouge dune/dunes
Les marins courageux ont guidé le navire abîmé vers une baie tranquille. | marin/marins courageux guider/guidé navire baie tranquille
Ma voisine fait du pain et le partage avec toute la rue. | voisine pain partager/partage rue
Les élèves ont peint une immense fresque colorée sur le mur de l'école. | élève/élèves peindre/peint immense fresque coloré/colorée mur école
Un renard affamé s'est glissé dans le jardin et a volé une poule. | renard affamé glisser/glissé jardin voler/volé poule
Le vieux pêcheur réparait ses filets sur le quai tranquille. | vieux pêcheur réparer/réparait filet/filets quai tranquille
Elle a écrit un court poème sur la première neige de l'hiver. | écrire/écrit court poème premier/première neige hiver
La fillette a résolu le problème difficile en dix minutes. | fillette résoudre/résolu problème difficile minute/minutes
Notre chat a fait tomber le vase vert de l'étagère de la cuisine. | chat vase vert étagère cuisine
""",
    "es": """
# casa
Mi madre prepara la cena para toda la familia cada noche. | madre preparar/prepara cena familia noche
Los niños ordenaron su habitación antes de que llegaran sus amigos. | niño/niños ordenar/ordenaron habitación llegar/llegaran amigo/amigos
Pintamos las paredes de la cocina de un amarillo claro. | pintar/pintamos pared/paredes cocina amarillo claro
Él arregló la ventana rota con un trozo de cristal nuevo. | arreglar/arregló ventana trozo cristal nuevo
El gato duerme sobre la manta caliente junto al fuego. | gato dormir/duerme manta caliente fuego
Ella tendió la ropa mojada al sol para que se secara. | tender/tendió ropa sol secar/secara
Mi padre friega los platos mientras mi hermana los seca. | padre fregar/friega plato/platos hermana secar/seca
Dejé las llaves sobre la mesa junto a la puerta de entrada. | dejar/dejé llave/llaves mesa puerta entrada
Compraron un sofá enorme para su nuevo salón. | comprar/compraron sofá enorme nuevo salón
El bebé se despertó temprano y lloró pidiendo su biberón. | bebé despertar/despertó llorar/lloró pedir/pidiendo biberón
Mi abuelo construyó esta casa de madera con sus propias manos. | abuelo construir/construyó casa madera mano/manos
Guardamos las verduras frescas en el cajón de abajo de la nevera. | guardar/guardamos verdura/verduras fresco/frescas cajón nevera
El viejo reloj del pasillo se paró anoche. | viejo reloj pasillo parar/paró
Nuestros vecinos plantaron rosales a lo largo de la valla. | vecino/vecinos plantar/plantaron rosal/rosales valla
Ella barrió el suelo y abrió todas las ventanas. | barrer/barrió suelo abrir/abrió ventana/ventanas
La lámpara que está junto a mi cama da una luz suave. | lámpara cama dar/da luz suave
Olvidó apagar el horno antes de salir de casa. | olvidar/olvidó apagar horno salir casa
Los pequeños dejaron el baño completamente desordenado. | pequeño/pequeños dejar/dejaron baño
El perro siempre nos espera detrás de la puerta del jardín. | perro esperar/espera puerta jardín
Mi hermano llevó las cajas pesadas al garaje. | hermano llevar/llevó caja/cajas pesado/pesadas garaje
El viento frío entraba por las grietas de la vieja puerta. | viento frío entrar/entraba grieta/grietas viejo/vieja puerta
Pasamos la tarde lluviosa jugando a las cartas en la cocina. | pasar/pasamos tarde lluvioso/lluviosa jugar/jugando carta/cartas cocina
Encendió una vela y se sentó en la habitación oscura. | encender/encendió vela sentar/sentó habitación oscuro/oscura
La abuela tejió una bufanda gruesa para cada uno de sus nietos. | abuela tejer/tejió bufanda grueso/gruesa nieto/nietos
El tejado tuvo goteras durante la tormenta y llamamos a un albañil. | tejado gotera/goteras tormenta llamar/llamamos albañil
Colgué un cuadro precioso encima de la chimenea. | colgar/colgué cuadro precioso chimenea
Mis dos hermanas comparten un dormitorio en el último piso. | hermana/hermanas compartir/comparten dormitorio último piso
Se quedó dormido en el sofá mientras veía la televisión. | quedar/quedó sofá ver/veía televisión
Mi tía guarda sus joyas en una pequeña caja de madera. | tía guardar/guarda joya/joyas pequeño/pequeña caja madera
Los niños decoraron su cuarto con estrellas brillantes. | niño/niños decorar/decoraron cuarto estrella/estrellas brillante/brillantes
# comida
Cortó el pan en rebanadas finas para los bocadillos. | cortar/cortó pan rebanada/rebanadas fino/finas bocadillo/bocadillos
Comimos espaguetis con salsa de tomate y queso rallado. | comer/comimos espagueti/espaguetis salsa tomate queso
El camarero nos trajo dos tazas de chocolate caliente. | camarero traer/trajo taza/tazas chocolate caliente
Mi tío cultiva patatas y zanahorias en su huerto. | tío cultivar/cultiva patata/patatas zanahoria/zanahorias huerto
Bebí un vaso grande de leche fría después de correr. | beber/bebí vaso grande leche frío/fría correr
El pastel huele muy bien, pero todavía le faltan diez minutos. | pastel oler/huele faltar/faltan minuto/minutos
Peló las naranjas y las compartió con sus amigos. | pelar/peló naranja/naranjas compartir/compartió amigo/amigos
Freímos unos huevos con beicon para el desayuno. | freír/freímos huevo/huevos beicon desayuno
La sopa estaba demasiado salada, así que añadí un poco de agua. | sopa salado/salada añadir/añadí agua
Ella hace pan casero todos los domingos por la mañana. | hacer/hace pan casero domingo/domingos mañana
Pidieron una pizza grande y tres botellas de limonada. | pedir/pidieron pizza grande botella/botellas limonada
Piqué la cebolla y el ajo para la sopa. | picar/piqué cebolla ajo sopa
Los niños recogieron fresas maduras en el campo. | niño/niños recoger/recogieron fresa/fresas maduro/maduras campo
Mi padre hace las mejores tortitas del mundo. | padre hacer/hace mejor/mejores tortita/tortitas mundo
Hicimos un pícnic con queso, uvas y pan fresco. | hacer/hicimos pícnic queso uva/uvas pan fresco
Otra vez se me quemaron las tostadas esta mañana. | quemar/quemaron tostada/tostadas mañana
Este restaurante sirve pescado que llega del puerto cada mañana. | restaurante servir/sirve pescado llegar/llega puerto mañana
Sirvió el té caliente en unas tazas pequeñas. | servir/sirvió té caliente taza/tazas pequeño/pequeñas
Olvidé comprar azúcar en el supermercado. | olvidar/olvidé comprar azúcar supermercado
El cocinero probó la salsa y le añadió un poco de pimienta. | cocinero probar/probó salsa añadir/añadió pimienta
Mi hermana nunca come carne ni pescado. | hermana comer/come carne pescado
Las manzanas de nuestro árbol son dulces y jugosas. | manzana/manzanas árbol dulce/dulces jugoso/jugosas
Untó mantequilla y miel en la tostada. | untar/untó mantequilla miel tostada
Mezclé la harina, el azúcar y los huevos en un bol grande. | mezclar/mezclé harina azúcar huevo/huevos bol grande
Los plátanos se pusieron negros encima de la encimera. | plátano/plátanos poner/pusieron negro/negros encimera
A nuestros invitados les encantó la tarta de limón que servimos. | invitado/invitados encantar/encantó tarta limón servir/servimos
Exprimió tres limones para hacer una limonada fresca. | exprimir/exprimió limón/limones hacer limonada fresco/fresca
El granjero vende huevos y leche en el mercado. | granjero vender/vende huevo/huevos leche mercado
Siempre tomamos un café solo después de comer. | tomar/tomamos café comer
El panadero nos dio un cruasán todavía caliente. | panadero dar/dio cruasán caliente
# trabajo
El director explicó las nuevas normas en la reunión de la mañana. | director explicar/explicó nuevo/nuevas norma/normas reunión mañana
Envié el informe a mi jefe antes de comer. | enviar/envié informe jefe comer
Los obreros terminaron el puente nuevo dos meses antes de lo previsto. | obrero/obreros terminar/terminaron puente nuevo mes/meses
Pasa la mayor parte del día contestando correos y llamadas. | pasar/pasa parte día contestar/contestando correo/correos llamada/llamadas
Nuestra empresa contrató a tres ingenieros jóvenes esta primavera. | empresa contratar/contrató ingeniero/ingenieros joven/jóvenes primavera
La impresora se rompió justo antes de la reunión importante. | impresora romper/rompió reunión importante
Mi compañero me lleva a la oficina en coche cuando llueve. | compañero llevar/lleva oficina coche llover/llueve
Escribió una carta larga al director del banco. | escribir/escribió carta largo/larga director banco
El panadero se levanta a las cuatro para hacer el pan. | panadero levantar/levanta hacer pan
Firmaron el contrato después de una larga discusión. | firmar/firmaron contrato largo/larga discusión
Perdió su trabajo cuando cerró la fábrica. | perder/perdió trabajo cerrar/cerró fábrica
El profesor corrigió todas las redacciones durante el fin de semana. | profesor corregir/corrigió redacción/redacciones semana
Le pedí a mi jefe un día libre para la semana que viene. | pedir/pedí jefe día libre semana
El abogado leyó los documentos con atención antes del juicio. | abogado leer/leyó documento/documentos atención juicio
El dependiente me ayudó a encontrar una chaqueta de abrigo. | dependiente ayudar/ayudó encontrar chaqueta abrigo
Nuestro equipo recibió un premio por el mejor diseño. | equipo recibir/recibió premio mejor diseño
Los albañiles están arreglando el tejado de la vieja escuela. | albañil/albañiles arreglar/arreglando tejado viejo/vieja escuela
Estaba nervioso antes de su primera entrevista de trabajo. | nervioso primero/primera entrevista trabajo
El piloto pidió a los pasajeros que se abrocharan el cinturón. | piloto pedir/pidió pasajero/pasajeros abrochar/abrocharan cinturón
Gana más dinero desde que cambió de empleo. | ganar/gana dinero cambiar/cambió empleo
La secretaria reservó una sala para la conferencia. | reservar/reservó sala conferencia
El mecánico arregló los frenos de mi coche en una hora. | mecánico arreglar/arregló freno/frenos coche hora
Olvidé mi contraseña y no pude encender el ordenador. | olvidar/olvidé contraseña encender ordenador
El cartero trae las cartas hacia las diez de la mañana. | cartero traer/trae carta/cartas mañana
Los camareros trabajan muchas horas los fines de semana. | camarero/camareros trabajar/trabajan hora/horas fin/fines semana
# viajes
Volamos a Roma y luego tomamos un tren a Florencia. | volar/volamos tomar/tomamos tren
El avión aterrizó sin problemas a pesar del fuerte viento. | avión aterrizar/aterrizó problema/problemas fuerte viento
Hicieron las maletas la noche antes del viaje. | hacer/hicieron maleta/maletas noche viaje
Perdí el pasaporte en el aeropuerto de Madrid. | perder/perdí pasaporte aeropuerto
Nos alojamos en un hotel pequeño cerca de la playa. | alojar/alojamos hotel pequeño playa
El autobús llegó tarde y nos perdimos el principio de la película. | autobús llegar/llegó perder/perdimos principio película
Viajó por Asia durante seis meses después de la universidad. | viajar/viajó mes/meses universidad
Los turistas sacaron cientos de fotos del viejo castillo. | turista/turistas sacar/sacaron foto/fotos viejo castillo
Nuestro tren salió de la estación a su hora exacta. | tren salir/salió estación hora exacto/exacta
Alquiló un coche y condujo a lo largo de la costa. | alquilar/alquiló coche conducir/condujo costa
Compramos las entradas por internet para evitar la larga cola. | comprar/compramos entrada/entradas internet evitar largo/larga cola
El guía nos enseñó la iglesia más antigua de la ciudad. | guía enseñar/enseñó iglesia antiguo/antigua ciudad
Siempre me mareo en los viajes largos en barco. | marear/mareo viaje/viajes largo/largos barco
Durmieron en una tienda de campaña en lo alto de la colina. | dormir/durmieron tienda colina
Mi maleta pesaba demasiado y tuve que pagar un suplemento. | maleta pesar/pesaba pagar suplemento
Cruzamos el puente a pie para ver la puesta de sol. | cruzar/cruzamos puente pie ver sol
El barco salió despacio del puerto lleno de gente. | barco salir/salió puerto lleno gente
Nos mandó una postal desde una isla diminuta. | mandar/mandó postal isla diminuto/diminuta
El taxista conocía un camino más corto hasta el hotel. | taxista conocer/conocía camino corto hotel
Perdimos el último autobús y volvimos a casa bajo la lluvia. | perder/perdimos último autobús volver/volvimos casa lluvia
La habitación del hotel tenía unas vistas preciosas del lago. | habitación hotel vista/vistas precioso/preciosas lago
Se dejó la cámara en el tren de París. | dejar/dejó cámara tren
Cancelaron el vuelo por culpa de la nieve. | cancelar/cancelaron vuelo nieve
Cruzamos la frontera muy temprano por la mañana. | cruzar/cruzamos frontera mañana
Apunté la dirección del hotel en un trozo de papel. | apuntar/apunté dirección hotel trozo papel
# tiempo
Nevó toda la noche y por la mañana las calles estaban blancas. | nevar/nevó noche mañana calle/calles blanco/blancas
El sol salió después de una semana de lluvias fuertes. | sol salir/salió semana lluvia/lluvias fuerte/fuertes
Un viento muy fuerte derribó varios árboles del parque. | viento fuerte derribar/derribó árbol/árboles parque
El cielo se oscureció y los truenos retumbaron sobre las colinas. | cielo oscurecer/oscureció trueno/truenos retumbar/retumbaron colina/colinas
Nos quedamos dentro porque la tormenta empeoraba. | quedar/quedamos tormenta empeorar/empeoraba
El pronóstico anuncia sol para todo el fin de semana. | pronóstico anunciar/anuncia sol fin semana
Una niebla espesa cubría el valle esta mañana temprano. | niebla espeso/espesa cubrir/cubría valle mañana
El río se heló durante el invierno más frío en años. | río helar/heló invierno frío año/años
Las fuertes lluvias inundaron las carreteras cerca del pueblo. | fuerte/fuertes lluvia/lluvias inundar/inundaron carretera/carreteras pueblo
Los niños hicieron un muñeco de nieve en el jardín. | niño/niños hacer/hicieron muñeco nieve jardín
Hacía tanto calor que el helado se derritió en pocos minutos. | calor helado derretir/derritió minuto/minutos
Las nubes desaparecieron y las estrellas brillaban en el cielo. | nube/nubes desaparecer/desaparecieron estrella/estrellas brillar/brillaban cielo
Un rayo cayó sobre el viejo roble detrás de la iglesia. | rayo caer/cayó viejo roble iglesia
Por la tarde llegaba una brisa fresca del mar. | tarde llegar/llegaba brisa fresco/fresca mar
Las hojas caen de los árboles en otoño. | hoja/hojas caer/caen árbol/árboles otoño
Llevábamos abrigos y guantes porque hacía muchísimo frío. | llevar/llevábamos abrigo/abrigos guante/guantes frío
Dejó de llover y apareció un arcoíris sobre los campos. | dejar/dejó llover aparecer/apareció arcoíris campo/campos
La temperatura descendió por debajo de cero anoche. | temperatura descender/descendió cero
# animales
Los perros persiguieron la pelota por la hierba mojada. | perro/perros perseguir/persiguieron pelota hierba
Un pajarito construyó su nido en nuestra chimenea. | pajarito construir/construyó nido chimenea
Los caballos galopaban por el campo. | caballo/caballos galopar/galopaban campo
Nuestro gato cazó un ratón en el jardín ayer. | gato cazar/cazó ratón jardín
Las vacas dan más leche en los meses de verano. | vaca/vacas dar/dan leche mes/meses verano
Una araña enorme se escondía debajo de mi cama. | araña enorme esconder/escondía cama
Las ovejas siguieron al pastor hasta el establo. | oveja/ovejas seguir/siguieron pastor establo
Dos patos nadaban tranquilamente en el estanque. | pato/patos nadar/nadaban estanque
Los ratones se comieron el queso que dejamos en la cocina. | ratón/ratones comer/comieron queso dejar/dejamos cocina
Mi perro ladra muchísimo cuando viene el cartero. | perro ladrar/ladra venir/viene cartero
Los lobos aullaron a la luna toda la noche. | lobo/lobos aullar/aullaron luna noche
El cuidador del zoo da de comer a los leones dos veces al día. | cuidador zoo león/leones vez/veces día
Un oso enorme apareció en el borde del bosque. | oso enorme aparecer/apareció borde bosque
El cachorro mordió mis zapatos nuevos mientras yo estaba trabajando. | cachorro morder/mordió zapato/zapatos nuevo/nuevos trabajar/trabajando
Las abejas recogen el polen de las flores del prado. | abeja/abejas recoger/recogen polen flor/flores prado
Los niños dieron pan a los gansos en el parque. | niño/niños dar/dieron pan ganso/gansos parque
El zorro robó dos gallinas de la granja anoche. | zorro robar/robó gallina/gallinas granja
Mi hermana tiene miedo de las serpientes y las arañas. | hermana miedo serpiente/serpientes araña/arañas
El conejo cavó un agujero profundo debajo de la valla. | conejo cavar/cavó agujero profundo valla
Un gatito diminuto dormía en una cesta junto al fuego. | gatito diminuto dormir/dormía cesta fuego
Los elefantes bebieron agua del río fangoso. | elefante/elefantes beber/bebieron agua río fangoso
Nuestro loro repite todas las palabras que oye. | loro repetir/repite palabra/palabras oír/oye
Los pescadores pescaron un pez enorme cerca de las rocas. | pescador/pescadores pescar/pescaron pez enorme roca/rocas
Los monos saltaban de rama en rama por los árboles altos. | mono/monos saltar/saltaban árbol/árboles alto/altos
Una mariposa se posó en la flor amarilla. | mariposa posar/posó flor amarillo/amarilla
Vimos delfines nadando junto a nuestro barco. | ver/vimos delfín/delfines nadar/nadando barco
El búho observaba en silencio desde una rama del viejo árbol. | búho observar/observaba silencio rama viejo árbol
Mi abuela cría gallinas detrás de su casa. | abuela criar/cría gallina/gallinas casa
El perro enterró su hueso en el jardín. | perro enterrar/enterró hueso jardín
El ciervo joven huyó al bosque cuando nos vio. | ciervo joven huir/huyó bosque ver/vio
Los peces rojos nadan en círculos en la pecera. | pez/peces rojo/rojos nadar/nadan círculo/círculos pecera
# deporte
Nuestro equipo marcó dos goles en la segunda parte. | equipo marcar/marcó gol/goles segundo/segunda parte
Corre cinco kilómetros cada mañana antes de ir al trabajo. | correr/corre kilómetro/kilómetros mañana ir trabajo
Se hizo daño en la rodilla durante el partido de fútbol. | hacer/hizo daño rodilla partido fútbol
Los jugadores se dieron la mano después del partido. | jugador/jugadores dar/dieron mano partido
Nadamos en el lago cuando el agua está caliente. | nadar/nadamos lago agua caliente
El portero atrapó el balón con una sola mano. | portero atrapar/atrapó balón solo/sola mano
Mi hermano juega al tenis con sus amigos todos los sábados. | hermano jugar/juega tenis amigo/amigos sábado/sábados
El público aplaudió cuando el corredor cruzó la meta. | público aplaudir/aplaudió corredor cruzar/cruzó meta
Ganó una medalla de oro en el campeonato nacional. | ganar/ganó medalla oro campeonato nacional
Escalaron la montaña más alta del país. | escalar/escalaron montaña alto/alta país
El entrenador les dijo a los jugadores que entrenaran más. | entrenador decir/dijo jugador/jugadores entrenar/entrenaran
El árbitro pitó y detuvo el partido. | árbitro pitar/pitó detener/detuvo partido
Perdí la carrera por menos de un segundo. | perder/perdí carrera segundo
Vimos el partido en una pantalla gigante en la plaza. | ver/vimos partido pantalla gigante plaza
Los esquiadores bajaban la pista a toda velocidad. | esquiador/esquiadores bajar/bajaban pista velocidad
Batió el récord mundial de salto de longitud. | batir/batió récord mundial salto longitud
Los aficionados cantaron durante todo el partido. | aficionado/aficionados cantar/cantaron partido
Lanzó el balón por encima de la valla sin querer. | lanzar/lanzó balón valla
Nuestro pequeño equipo venció al mejor club de la ciudad. | pequeño equipo vencer/venció mejor club ciudad
Va en bicicleta al estadio los días de partido. | bicicleta estadio día/días partido
# escuela
Los alumnos escribieron una redacción corta sobre sus vacaciones de verano. | alumno/alumnos escribir/escribieron redacción corto/corta verano
La profesora hizo una pregunta difícil sobre la guerra. | hacer/hizo pregunta difícil guerra
Me olvidé los deberes encima de la mesa de la cocina. | olvidar/olvidé mesa cocina
Los niños cantaron una canción a sus padres al final del curso. | niño/niños cantar/cantaron canción padre/padres final curso
Ella estudia química en una universidad muy grande. | estudiar/estudia química universidad grande
Aprendimos un poema nuevo de memoria para la clase. | aprender/aprendimos poema nuevo memoria clase
Los alumnos dibujaron animales en la clase de arte. | alumno/alumnos dibujar/dibujaron animal/animales clase arte
Suspendió el examen de matemáticas, pero aprobó el de historia. | suspender/suspendió examen aprobar/aprobó historia
La biblioteca cierra antes los viernes durante las vacaciones. | biblioteca cerrar/cierra viernes
Nuestra maestra nos leyó la historia de un caballero valiente. | leer/leyó historia caballero valiente
Mi hijo trajo a casa una nota de su profesor. | hijo traer/trajo casa nota profesor
Saqué tres libros sobre el espacio de la biblioteca del colegio. | sacar/saqué libro/libros espacio biblioteca colegio
Explicó la regla de gramática con un ejemplo sencillo. | explicar/explicó regla gramática ejemplo sencillo
La clase visitó el museo de ciencias en marzo. | clase visitar/visitó museo ciencia/ciencias
Hicimos los exámenes finales en una sala muy fría. | hacer/hicimos examen/exámenes final/finales sala frío/fría
Los estudiantes leen novelas clásicas en la clase de literatura. | estudiante/estudiantes leer/leen novela/novelas clásico/clásicas clase literatura
# ciudad
Las calles estaban llenas de gente que compraba regalos. | calle/calles lleno/llenas gente comprar/compraba regalo/regalos
Han abierto un cine nuevo al lado del centro comercial. | abrir/abierto cine nuevo centro comercial
El tráfico era horrible por las obras de la calle principal. | tráfico horrible obra/obras calle principal
Esperamos el tranvía en la parada que hay junto al banco. | esperar/esperamos tranvía parada banco
Están construyendo una torre muy alta en el centro de la ciudad. | construir/construyendo torre alto/alta centro ciudad
Me perdí en las calles estrechas del casco antiguo. | perder/perdí calle/calles estrecho/estrechas antiguo
En el mercado venden pescado fresco y verduras los jueves. | mercado vender/venden pescado fresco verdura/verduras
Un coche de policía pasó con la sirena encendida. | coche policía pasar/pasó sirena
El ayuntamiento plantó cientos de árboles a orillas del río. | ayuntamiento plantar/plantó árbol/árboles orilla/orillas río
El museo estaba lleno de turistas aquel domingo lluvioso. | museo lleno turista/turistas domingo lluvioso
Encontramos un café tranquilo en una plaza pequeña. | encontrar/encontramos café tranquilo plaza pequeño/pequeña
Todas las luces de la calle se apagaron durante la tormenta. | luz/luces calle apagar/apagaron tormenta
El puente viejo está cerrado a los coches por la noche. | puente viejo cerrar/cerrado coche/coches noche
Miles de personas se manifestaron por el centro de la ciudad. | persona/personas manifestar/manifestaron centro ciudad
Un músico callejero tocaba el violín delante de la estación. | músico callejero tocar/tocaba violín estación
El metro es la forma más rápida de cruzar la ciudad. | metro forma rápido/rápida cruzar ciudad
Los niños jugaban al fútbol en el aparcamiento vacío. | niño/niños jugar/jugaban fútbol aparcamiento vacío
Mi piso está en la cuarta planta de un edificio gris. | piso cuarto/cuarta planta edificio gris
La panadería de la esquina vende los mejores cruasanes del barrio. | panadería esquina vender/vende mejor/mejores cruasán/cruasanes barrio
Nos sentamos en un banco del parque y dimos de comer a las palomas. | sentar/sentamos banco parque paloma/palomas
# naturaleza
El río corre por un valle profundo entre dos montañas. | río correr/corre valle profundo montaña/montañas
Cogimos moras silvestres a lo largo del camino. | coger/cogimos mora/moras silvestre/silvestres camino
El bosque estaba en silencio, salvo por el canto de un pájaro. | bosque silencio canto pájaro
Unos pinos altos crecen en la ladera de la montaña. | pino/pinos alto/altos crecer/crecen ladera montaña
Las olas rompían contra las rocas de la costa. | ola/olas romper/rompían roca/rocas costa
Subimos a la cima de la colina para ver el amanecer. | subir/subimos cima colina ver amanecer
Las hojas secas cubrían el sendero del bosque. | hoja/hojas seco/secas cubrir/cubrían sendero bosque
El lago parecía un espejo en el aire tranquilo de la mañana. | lago parecer/parecía espejo aire tranquilo mañana
Las flores silvestres crecen por todas partes en los prados en junio. | flor/flores silvestre/silvestres crecer/crecen prado/prados
Detrás de nuestra casa de campo corre un pequeño arroyo. | casa campo correr/corre pequeño arroyo
El volcán entró en erupción y cubrió los pueblos de ceniza. | volcán entrar/entró erupción cubrir/cubrió pueblo/pueblos ceniza
Estábamos tumbados en la hierba mirando las estrellas. | hierba mirar/mirando estrella/estrellas
El desierto es muy caluroso de día y frío de noche. | desierto caluroso día frío noche
Los exploradores descubrieron una cueva detrás de la cascada. | explorador/exploradores descubrir/descubrieron cueva cascada
El suelo estaba cubierto de nieve recién caída. | suelo cubrir/cubierto nieve
El sol se pone detrás de las montañas por la tarde. | sol poner/pone montaña/montañas tarde
Oímos a las ranas croar junto al estanque. | oír/oímos rana/ranas croar estanque
La isla tiene playas preciosas y un agua azul muy clara. | isla playa/playas precioso/preciosas agua azul claro/clara
Unas rocas enormes cayeron a la carretera después de las lluvias. | roca/rocas enorme/enormes caer/cayeron carretera lluvia/lluvias
Un arcoíris se extendía por el cielo gris. | arcoíris extender/extendía cielo gris
# salud
Tengo un dolor de cabeza terrible y me duele la garganta. | dolor cabeza terrible doler/duele garganta
El médico me dio unas pastillas para la tos. | médico dar/dio pastilla/pastillas tos
Se rompió el brazo al caerse de la bicicleta. | romper/rompió brazo bicicleta
Hay que beber mucha agua cuando hace calor. | beber agua calor
Se cepilla los dientes dos veces al día. | cepillar/cepilla diente/dientes vez/veces día
Mi abuelo camina por el parque cada mañana para mantenerse en forma. | abuelo caminar/camina parque mañana forma
El enfermero me tomó la temperatura y la tensión. | enfermero tomar/tomó temperatura tensión
Me resfrié volviendo a casa andando bajo la lluvia. | resfriar/resfrié volver/volviendo casa andar/andando lluvia
Se hizo daño en la espalda al levantar una caja pesada. | daño espalda levantar caja pesado/pesada
El dentista me sacó una muela del juicio. | dentista sacar/sacó muela juicio
Duerme ocho horas cada noche y se siente estupendamente. | dormir/duerme hora/horas noche sentir/siente
El niño se cortó el dedo con un cuchillo afilado. | niño cortar/cortó dedo cuchillo afilado
La fruta y la verdura frescas mantienen el cuerpo sano. | fruta verdura fresco/frescas mantener/mantienen cuerpo sano
Fui a la farmacia a comprar unas medicinas. | farmacia comprar medicina/medicinas
Me duelen los ojos después de todo el día delante del ordenador. | doler/duelen ojo/ojos día ordenador
El paciente esperó dos horas antes de ver al médico. | paciente esperar/esperó hora/horas ver médico
Dejó de fumar y ahora corre todas las mañanas. | dejar/dejó fumar correr/corre mañana/mañanas
Se torció el tobillo en las escaleras. | torcer/torció tobillo escalera/escaleras
La ambulancia llevó al herido al hospital. | ambulancia llevar/llevó herido hospital
Los médicos dicen que reír es bueno para el corazón. | médico/médicos decir/dicen reír bueno corazón
# compras
Compré unos pantalones azules en una tienda del centro. | comprar/compré pantalón/pantalones azul/azules tienda centro
Los zapatos que quería eran demasiado pequeños para mis pies. | zapato/zapatos querer/quería pequeño/pequeños pie/pies
Pagó la compra con su tarjeta de crédito. | pagar/pagó compra tarjeta crédito
La tienda cierra a las seis, así que tenemos que darnos prisa. | tienda cerrar/cierra prisa
Eligió una corbata roja para la boda. | elegir/eligió corbata rojo/roja boda
Llevamos las bolsas pesadas hasta el coche. | llevar/llevamos bolsa/bolsas pesado/pesadas coche
La cajera del supermercado me devolvió mal el cambio. | supermercado devolver/devolvió cambio
Mi madre siempre hace una lista antes de ir al supermercado. | madre hacer/hace lista supermercado
Me probé tres vestidos, pero ninguno me quedaba bien. | probar/probé vestido/vestidos quedar/quedaba
Los precios de este supermercado han subido mucho. | precio/precios supermercado subir/subido
Se gastó todo el dinero en libros y ropa. | gastar/gastó dinero libro/libros ropa
Devolví la tostadora rota y me dieron el dinero. | devolver/devolví tostadora dar/dieron dinero
Comparamos los precios antes de comprar una nevera nueva. | comparar/comparamos precio/precios comprar nevera nuevo/nueva
Los puestos del mercado venden fruta y flores muy baratas. | puesto/puestos mercado vender/venden fruta flor/flores barato/baratas
# familia y amigos
Mis padres celebraron su aniversario de boda en un restaurante pequeño. | padre/padres celebrar/celebraron aniversario boda restaurante pequeño
Su hermano menor siempre le coge la ropa sin pedir permiso. | hermano menor coger/coge ropa pedir permiso
Visitamos a nuestros abuelos en el campo todos los veranos. | visitar/visitamos abuelo/abuelos campo verano/veranos
Mi primo se casó en una iglesia antigua muy bonita. | primo casar/casó iglesia antiguo/antigua bonito/bonita
Toda la familia se reunió alrededor de la mesa para el cumpleaños. | familia reunir/reunió mesa cumpleaños
Mi hermana y yo discutimos por el mando de la tele. | hermana discutir/discutimos mando tele
Nuestra hija dio sus primeros pasos la semana pasada. | hija dar/dio primero/primeros paso/pasos semana
El abuelo cuenta historias divertidas de cuando era joven. | abuelo contar/cuenta historia/historias divertido/divertidas joven
Mi mejor amigo se mudó a otro país el año pasado. | mejor amigo mudar/mudó país año
Los niños abrazaron a su padre cuando volvió a casa. | niño/niños abrazar/abrazaron padre volver/volvió casa
Le pusieron a su bebé el nombre de su abuela. | poner/pusieron bebé nombre abuela
Mi tía me manda una tarjeta todos los años por mi cumpleaños. | tía mandar/manda tarjeta año/años cumpleaños
Invitamos a todos los vecinos a la fiesta del jardín. | invitar/invitamos vecino/vecinos fiesta jardín
Los chicos se pelearon por el último trozo de tarta. | chico/chicos pelear/pelearon último trozo tarta
Mi marido preparó el desayuno para todos esta mañana. | marido preparar/preparó desayuno mañana
Escribe cartas largas a su amigo por correspondencia de Canadá. | escribir/escribe carta/cartas largo/largas amigo
Mi hermano pequeño rompió mi taza favorita. | hermano pequeño romper/rompió taza favorito/favorita
Pasamos las fiestas con nuestros primos en la montaña. | pasar/pasamos fiesta/fiestas primo/primos montaña
Sus abuelos se conocieron en un baile hace sesenta años. | abuelo/abuelos conocer/conocieron baile año/años
Mi hijo quiere ser piloto cuando sea mayor. | hijo querer/quiere piloto mayor
# aficiones
Pinta paisajes en su tiempo libre. | pintar/pinta paisaje/paisajes tiempo libre
Mi tío colecciona monedas antiguas de todo el mundo. | tío coleccionar/colecciona moneda/monedas antiguo/antiguas mundo
Vamos a pescar al lago todos los domingos por la mañana. | pescar lago domingo/domingos mañana
Toca la guitarra en un grupo de rock con sus amigos. | tocar/toca guitarra grupo rock amigo/amigos
Estoy aprendiendo a tejer un gorro de lana para el invierno. | aprender/aprendiendo tejer gorro lana invierno
Pasaron todo el fin de semana construyendo un barco de madera. | pasar/pasaron fin semana construir/construyendo barco madera
Mi abuela hace el crucigrama del periódico todos los días. | abuela hacer/hace crucigrama periódico día/días
Acampamos en el bosque y cocinamos en una hoguera. | acampar/acampamos bosque cocinar/cocinamos hoguera
Hace fotos preciosas de pájaros y flores. | hacer/hace foto/fotos precioso/preciosas pájaro/pájaros flor/flores
Lee novelas policíacas en el tren de camino al trabajo. | leer/lee novela/novelas policíaco/policíacas tren camino trabajo
Me apunté a un coro y cantamos los martes por la tarde. | apuntar/apunté coro cantar/cantamos martes tarde
Las chicas bailaron toda la noche en la fiesta del colegio. | chica/chicas bailar/bailaron noche fiesta colegio
Mi padre cultiva tomates en un pequeño invernadero. | padre cultivar/cultiva tomate/tomates pequeño invernadero
Jugamos al ajedrez hasta muy tarde. | jugar/jugamos ajedrez tarde
Talló un pajarito en un trozo de madera. | tallar/talló pajarito trozo madera
Ella misma cose sus vestidos con una máquina vieja. | coser/cose vestido/vestidos máquina viejo/vieja
Mis amigos y yo hacemos senderismo por las colinas los fines de semana. | amigo/amigos senderismo colina/colinas fin/fines semana
El niño hizo volar su cometa en la playa ventosa. | niño volar cometa playa ventoso/ventosa
Hice galletas para mis amigos el sábado. | hacer/hice galleta/galletas amigo/amigos sábado
Vimos una película antigua en blanco y negro en la tele. | ver/vimos película antiguo/antigua blanco negro tele
# tecnología
Se me acabó la batería del móvil en medio de la llamada. | acabar/acabó batería móvil medio llamada
Descargó un juego nuevo en la tableta. | descargar/descargó juego nuevo tableta
El ordenador se colgó y perdí todo mi trabajo. | ordenador colgar/colgó perder/perdí trabajo
Me mandó un mensaje con una foto de su cachorro nuevo. | mandar/mandó mensaje foto cachorro nuevo
Cargo el portátil todas las noches antes de acostarme. | cargar/cargo portátil noche/noches
La conexión a internet era muy lenta en el hotel. | conexión internet lento/lenta hotel
Mi abuela aprendió a hacer videollamadas con sus nietos. | abuela aprender/aprendió hacer videollamada/videollamadas nieto/nietos
Compró una cámara barata por internet, pero se estropeó a la semana. | comprar/compró cámara barato/barata internet estropear/estropeó semana
La impresora se quedó sin tinta en mitad de mi trabajo. | impresora quedar/quedó tinta mitad trabajo
Actualizamos los programas de todos los ordenadores de la oficina. | actualizar/actualizamos programa/programas ordenador/ordenadores oficina
Se le olvidó guardar el archivo y tuvo que empezar de nuevo. | olvidar/olvidó guardar archivo empezar
Se me rompió la pantalla del móvil cuando se me cayó. | romper/rompió pantalla móvil caer/cayó
Mi hijo pasa demasiado tiempo jugando a los videojuegos. | hijo pasar/pasa tiempo jugar/jugando videojuego/videojuegos
La nueva aplicación ayuda a la gente a encontrar vuelos baratos. | nuevo/nueva aplicación ayudar/ayuda gente encontrar vuelo/vuelos barato/baratos
Escribió la carta a máquina e imprimió dos copias. | escribir/escribió carta máquina imprimir/imprimió copia/copias
# música y arte
La orquesta tocó una sinfonía preciosa en la vieja sala de conciertos. | orquesta tocar/tocó sinfonía precioso/preciosa viejo/vieja sala concierto/conciertos
Canta en el coro de la iglesia desde que era niña. | cantar/canta coro iglesia niña
El grupo tocó sus canciones más famosas al final del concierto. | grupo tocar/tocó canción/canciones famoso/famosas final concierto
Escucha jazz mientras prepara la cena. | escuchar/escucha jazz preparar/prepara cena
El artista pintó un retrato de la reina. | artista pintar/pintó retrato reina
Bailamos al ritmo de la música hasta que salió el sol. | bailar/bailamos ritmo música salir/salió sol
Mi hija practica el piano una hora al día. | hija practicar/practica piano hora día
El público aplaudió con fuerza al final del espectáculo. | público aplaudir/aplaudió fuerza final espectáculo
El cantante olvidó la letra de la segunda canción. | cantante olvidar/olvidó letra segundo/segunda canción
La galería expone cuadros de jóvenes artistas de la región. | galería exponer/expone cuadro/cuadros joven/jóvenes artista/artistas región
Escribió una canción para el cumpleaños de su novia. | escribir/escribió canción cumpleaños novia
Los niños hicieron máscaras de colores para el carnaval. | niño/niños hacer/hicieron máscara/máscaras color/colores carnaval
Oí una canción preciosa en la radio esta mañana. | oír/oí canción precioso/preciosa radio mañana
El batería rompió una baqueta durante la primera canción. | batería romper/rompió baqueta primero/primera canción
Los estudiantes visitaron una exposición de escultura moderna. | estudiante/estudiantes visitar/visitaron exposición escultura moderno/moderna
# ropa
Llevaba un vestido largo y rojo en la fiesta. | llevar/llevaba vestido largo rojo fiesta
Se olvidó la bufanda y se le congelaron las orejas. | olvidar/olvidó bufanda congelar/congelaron oreja/orejas
Necesito unas botas nuevas para el invierno. | necesitar/necesito bota/botas nuevo/nuevas invierno
La chaqueta me quedaba estrecha, así que compré una más grande. | chaqueta estrecho/estrecha comprar/compré grande
Mi abuela me tejió un jersey de lana muy grueso. | abuela tejer/tejió jersey lana grueso
Se puso su mejor traje para la entrevista de trabajo. | poner/puso mejor traje entrevista trabajo
Los niños dejaron las botas llenas de barro en la puerta. | niño/niños dejar/dejaron bota/botas lleno/llenas barro puerta
Planchó su camisa blanca antes de la reunión. | planchar/planchó camisa blanco/blanca reunión
Estos pantalones son demasiado largos para mi hermano pequeño. | pantalón/pantalones largo/largos hermano pequeño
Perdí uno de mis guantes en el autobús. | perder/perdí guante/guantes autobús
Siempre lleva un sombrero negro y un abrigo gris. | llevar/lleva sombrero negro abrigo gris
Mi hermana tiñó sus vaqueros viejos de azul oscuro. | hermana teñir/tiñó viejo/viejos azul oscuro
# transporte
El tren al aeropuerto sale cada quince minutos. | tren aeropuerto salir/sale minuto/minutos
Aparcó el coche delante de la oficina de correos. | aparcar/aparcó coche oficina
Cogimos el ferri para cruzar la bahía hasta la isla. | coger/cogimos ferri cruzar bahía isla
El conductor del autobús esperó a que la anciana se sentara. | conductor autobús esperar/esperó anciana sentar/sentara
Mi bici tenía una rueda pinchada, así que fui andando al colegio. | bici rueda andar/andando colegio
Las carreteras estaban heladas y varios coches patinaron. | carretera/carreteras coche/coches patinar/patinaron
Aprendió a conducir en el coche viejo de su padre. | aprender/aprendió conducir coche viejo padre
El avión despegó con una hora de retraso por la niebla. | avión despegar/despegó hora retraso niebla
Fuimos en bici por la orilla del canal hasta el pueblo vecino. | bici orilla canal pueblo vecino
Un camión bloqueó la calle estrecha durante una hora. | camión bloquear/bloqueó calle estrecho/estrecha hora
Perdió el tren porque no sonó el despertador. | perder/perdió tren sonar/sonó despertador
Los pasajeros se quejaron del largo retraso. | pasajero/pasajeros quejar/quejaron largo retraso
El taxi nos llevó de la estación al hotel. | taxi llevar/llevó estación hotel
Le vendí mi moto vieja a un compañero de trabajo. | vender/vendí moto viejo/vieja compañero trabajo
# fiestas
Decoramos el árbol con luces y bolas de cristal. | decorar/decoramos árbol luz/luces bola/bolas cristal
Los niños abrieron sus regalos la mañana de Navidad. | niño/niños abrir/abrieron regalo/regalos mañana
Lanzaron fuegos artificiales a medianoche para celebrar el año nuevo. | lanzar/lanzaron fuego/fuegos medianoche celebrar año nuevo
Mi abuela hizo una tarta enorme para mi cumpleaños. | abuela hacer/hizo tarta enorme cumpleaños
Cantamos canciones alrededor del fuego la última noche del campamento. | cantar/cantamos canción/canciones fuego último/última noche campamento
Todo el pueblo bailó en la plaza durante las fiestas. | pueblo bailar/bailó plaza fiesta/fiestas
Envolví los regalos en papel de colores. | envolver/envolví regalo/regalos papel color/colores
Los invitados trajeron flores y vino a la cena. | invitado/invitados traer/trajeron flor/flores vino cena
Pasaron la luna de miel en una isla tranquila de Grecia. | pasar/pasaron luna miel isla tranquilo/tranquila
La novia llevaba un vestido blanco largo y un ramo de rosas. | novia llevar/llevaba vestido blanco largo ramo rosa/rosas
Los niños se disfrazaron de fantasmas y de brujas. | niño/niños disfrazar/disfrazaron fantasma/fantasmas bruja/brujas
Escondieron huevos de chocolate por todo el jardín. | esconder/escondieron huevo/huevos chocolate jardín
Celebramos el final de los exámenes con una gran fiesta. | celebrar/celebramos final examen/exámenes grande/gran fiesta
# emociones y personas
Sonrió al ver a su viejo amigo en la estación. | sonreír/sonrió ver viejo amigo estación
El niño pequeño lloró porque había perdido su globo. | niño pequeño llorar/lloró perder/perdido globo
Estaba nervioso antes de hablar delante de todo el colegio. | nervioso hablar colegio
Se sintió solo cuando sus amigos se fueron a vivir lejos. | sentir/sintió solo amigo/amigos vivir
El público se rio con todos los chistes del actor. | público reír/rio chiste/chistes actor
Mi vecina es una mujer amable que ayuda a todo el mundo. | vecina mujer amable ayudar/ayuda mundo
Estaban orgullosos de su hijo cuando terminó la carrera. | orgulloso/orgullosos hijo terminar/terminó carrera
Se enfadó porque nadie escuchaba su idea en la reunión. | enfadar/enfadó escuchar/escuchaba idea reunión
El anciano nos dio las gracias por llevarle la compra. | anciano dar/dio gracias compra
Nos sorprendió ver nieve en pleno mes de mayo. | sorprender/sorprendió ver nieve mes
Le pidió perdón a su hermana por romperle el teléfono. | pedir/pidió perdón hermana teléfono
Mi abuelo es la persona más tranquila que conozco. | abuelo persona tranquilo/tranquila conocer/conozco
Se tapó la cara porque le daba vergüenza. | tapar/tapó cara vergüenza
# vida diaria
Me levanto a las seis y preparo café para toda la familia. | levantar/levanto preparar/preparo café familia
Suele echarse una siesta corta después de comer. | siesta corto/corta comer
Cenamos juntos en la mesa de la cocina todas las noches. | cenar/cenamos mesa cocina noche/noches
Pasea al perro antes de irse a trabajar. | pasear/pasea perro trabajar
Me peiné y me vestí en cinco minutos. | peinar/peiné vestir/vestí minuto/minutos
El despertador sonó a las siete, pero me quedé en la cama. | despertador sonar/sonó quedar/quedé cama
Los domingos dormimos hasta tarde y desayunamos mucho. | domingo/domingos dormir/dormimos desayunar/desayunamos
Leía el periódico mientras se tomaba el café. | leer/leía periódico tomar/tomaba café
Riego las plantas del balcón todas las mañanas. | regar/riego planta/plantas balcón mañana/mañanas
Cerró la puerta con llave y apagó las luces. | cerrar/cerró puerta llave apagar/apagó luz/luces
Limpiamos todo el piso antes de que llegaran los invitados. | limpiar/limpiamos piso llegar/llegaran invitado/invitados
Mi hermano saca la basura todos los lunes por la noche. | hermano sacar/saca basura lunes noche
Colgué el abrigo en un gancho detrás de la puerta. | colgar/colgué abrigo gancho puerta
Hizo la cama y abrió las cortinas. | hacer/hizo cama abrir/abrió cortina/cortinas
# varios
Los bomberos salvaron a una niña de la casa en llamas. | bombero/bomberos salvar/salvaron niña casa llama/llamas
Un ladrón me robó el bolso mientras estaba sentada en la cafetería. | ladrón robar/robó bolso cafetería
La policía detuvo a los ladrones cerca de la frontera. | policía detener/detuvo ladrón/ladrones frontera
La científica descubrió una nueva especie de planta en la selva. | descubrir/descubrió nuevo/nueva especie planta selva
El viejo castillo se alza sobre una colina junto al río. | viejo castillo alzar/alza colina río
Los soldados desfilaron ante el palacio con sus uniformes rojos. | soldado/soldados desfilar/desfilaron palacio uniforme/uniformes rojo/rojos
Un ruido extraño nos despertó en mitad de la noche. | ruido extraño despertar/despertó mitad noche
El rey dio un largo discurso ante su pueblo. | rey dar/dio largo discurso pueblo
Los niños encontraron un mapa antiguo en el desván. | niño/niños encontrar/encontraron mapa antiguo desván
El granjero conducía despacio su tractor por el camino. | granjero conducir/conducía tractor camino
El barco se hundió después de chocar contra una roca. | barco hundir/hundió chocar roca
El cartero entregó un paquete grande esta mañana. | cartero entregar/entregó paquete grande mañana
Las luces de la ciudad brillaban sobre el agua oscura. | luz/luces ciudad brillar/brillaban agua oscuro/oscura
El periodista escribió un artículo sobre el nuevo hospital. | periodista escribir/escribió artículo nuevo hospital
Los estudiantes protestaron contra la subida de las tasas. | estudiante/estudiantes protestar/protestaron subida tasa/tasas
# más escenas
Dio de comer al gato y volvió a la cama. | dar/dio gato volver/volvió cama
Mis abuelos tienen gallinas, cabras y un burro viejo y perezoso. | abuelo/abuelos gallina/gallinas cabra/cabras burro viejo perezoso
El viento le dio la vuelta a mi paraguas. | viento vuelta paraguas
Colgamos un columpio del árbol grande del jardín. | colgar/colgamos columpio árbol grande jardín
El río creció muy deprisa después de tres días de lluvia. | río crecer/creció día/días lluvia
Cavó un hoyo y plantó un manzano. | cavar/cavó hoyo plantar/plantó manzano
Ayer me encontré a un viejo compañero de clase en el tren. | encontrar/encontré viejo compañero clase tren
El camarero me tiró café en la camisa blanca nueva. | camarero tirar/tiró café camisa blanco/blanca nuevo/nueva
Arreglaron el grifo que goteaba en el cuarto de baño. | arreglar/arreglaron grifo gotear/goteaba cuarto baño
Mi madre nos cantaba canciones cuando éramos pequeños. | madre cantar/cantaba canción/canciones pequeño/pequeños
El granjero llevó las vacas de vuelta al establo. | granjero llevar/llevó vaca/vacas establo
Remamos hasta la otra orilla del lago. | remar/remamos orilla lago
La maestra escribió la fecha en la pizarra. | maestra escribir/escribió fecha pizarra
Un niño se cayó al río y sus amigos lo sacaron del agua. | niño caer/cayó río amigo/amigos sacar/sacaron agua
Mordí la manzana y encontré un gusano. | morder/mordí manzana encontrar/encontré gusano
Eligió unas cortinas azules para el salón. | elegir/eligió cortina/cortinas azul/azules salón
Los niños construyeron un castillo de arena cerca del agua. | niño/niños construir/construyeron castillo arena agua
Se gastó todos sus ahorros en un viaje alrededor del mundo. | gastar/gastó ahorro/ahorros viaje mundo
El socorrista nadó hasta el bañista agotado. | socorrista nadar/nadó bañista
La anciana se sentó en el banco para dar de comer a los patos. | anciana sentar/sentó banco pato/patos
Oímos las campanas de la iglesia a lo lejos. | oír/oímos campana/campanas iglesia
El viento sacudió las ventanas toda la noche. | viento sacudir/sacudió ventana/ventanas noche
Mi hermano me enseñó a montar en bicicleta. | hermano enseñar/enseñó montar bicicleta
Los alumnos se pusieron de pie cuando entró el director. | alumno/alumnos poner/pusieron pie entrar/entró director
Vendió sus cuadros en el mercado el sábado pasado. | vender/vendió cuadro/cuadros mercado sábado pasado
Barrí las hojas del camino que hay delante de la casa. | barrer/barrí hoja/hojas camino casa
El perro se sacudió el agua del pelo. | perro sacudir/sacudió agua pelo
Encontramos fotos antiguas de nuestros abuelos en un cajón. | encontrar/encontramos foto/fotos antiguo/antiguas abuelo/abuelos cajón
El gato tiró un vaso de la mesa. | gato tirar/tiró vaso mesa
Corrieron hasta la estación, pero el tren ya había salido. | correr/corrieron estación tren salir/salido
El bebé durmió toda la noche por primera vez. | bebé dormir/durmió noche primero/primera vez
Los niños montaban en bici por la playa. | niño/niños montar/montaban bici playa
Escribí mi nombre en la parte de arriba de la hoja. | escribir/escribí nombre parte hoja
Un árbol cayó sobre la carretera durante la noche. | árbol caer/cayó carretera noche
Mi madre guarda todas nuestras cartas en una caja vieja. | madre guardar/guarda carta/cartas caja viejo/vieja
Cruzamos las montañas por carreteras estrechas. | cruzar/cruzamos montaña/montañas carretera/carreteras estrecho/estrechas
Las niñas se rieron de la nariz roja del payaso. | niña/niñas reír/rieron nariz rojo/roja payaso
Cerró la puerta sin hacer ruido para no despertar al bebé. | cerrar/cerró puerta ruido despertar bebé
Un desconocido me preguntó cómo llegar a la estación. | desconocido preguntar/preguntó llegar estación
Otra vez me dejé el paraguas en el autobús. | dejar/dejé paraguas autobús
El hielo del lago era bastante grueso para caminar encima. | hielo lago grueso caminar
Los niños se escondieron detrás de las cortinas y esperaron. | niño/niños esconder/escondieron cortina/cortinas esperar/esperaron
Rompió la carta en pedazos pequeños. | romper/rompió carta pedazo/pedazos pequeño/pequeños
El pintor se subió a una escalera alta para llegar al techo. | pintor subir/subió escalera alto/alta llegar techo
Los chicos tiraban piedras al río. | chico/chicos tirar/tiraban piedra/piedras río
Llevaba a su hija de la mano al cruzar la calle. | llevar/llevaba hija mano cruzar calle
# preguntas, futuro, perfecto, tiempos variados
¿Viste el zorro en nuestro jardín anoche? | ver/viste zorro jardín
¿Has comido caracoles alguna vez en un restaurante? | comer/comido caracol/caracoles vez restaurante
¿Dónde compraste esos zapatos amarillos tan bonitos? | comprar/compraste zapato/zapatos amarillo/amarillos bonito/bonitos
¿Por qué gritan los niños en la calle? | gritar/gritan niño/niños calle
¿Podrías cerrar la ventana de la cocina antes de salir? | cerrar ventana cocina salir
¿Quién se ha bebido toda la leche de la nevera? | beber/bebido leche nevera
¿Cuánto tiempo llevas viviendo en este pueblo tan pequeño? | tiempo vivir/viviendo pueblo pequeño
¡Qué vista tan bonita del mar desde tu balcón! | vista bonito/bonita mar balcón
¡Mira qué rápido corre el caballito por el prado! | correr/corre caballito prado
Plantaremos tulipanes a lo largo del camino la próxima primavera. | plantar/plantaremos tulipán/tulipanes camino próximo/próxima primavera
El nuevo hospital abrirá sus puertas en mayo. | nuevo hospital abrir/abrirá puerta/puertas
Nunca olvidaré el día en que nos conocimos. | olvidar/olvidaré día conocer/conocimos
Pintarán el dormitorio de verde el próximo fin de semana. | pintar/pintarán dormitorio verde próximo semana
Ha escrito tres novelas y un libro de poemas. | escribir/escrito novela/novelas libro poema/poemas
El precio del pan ha vuelto a subir este año. | precio pan subir año
Enseña historia en el mismo instituto desde hace treinta años. | enseñar/enseña historia instituto año/años
Los niños han crecido mucho desde el verano pasado. | niño/niños crecer/crecido verano pasado
El bebé duerme tranquilo en su cuna de madera. | bebé dormir/duerme tranquilo cuna madera
Ya habían comido cuando llegamos a la fiesta. | comer/comido llegar/llegamos fiesta
Nunca había viajado en avión antes de aquel viaje. | viajar/viajado avión viaje
Cuando llegó el médico, la fiebre ya había bajado. | llegar/llegó médico fiebre bajar/bajado
Los obreros estaban cavando un túnel debajo del río. | obrero/obreros cavar/cavando túnel río
Estaba preparando la cena cuando sonó el teléfono. | preparar/preparando cena sonar/sonó teléfono
Los pájaros cantaban en los árboles cuando nos despertamos. | pájaro/pájaros cantar/cantaban árbol/árboles despertar/despertamos
Llovía mucho cuando salimos del cine. | llover/llovía salir/salimos cine
Los alumnos están preparando una obra de teatro para final de curso. | alumno/alumnos preparar/preparando obra teatro final curso
La hierba crece muy deprisa después de las lluvias de primavera. | hierba crecer/crece lluvia/lluvias primavera
Va a nadar al mar incluso en invierno. | nadar mar invierno
La luna brilla por la ventana de mi dormitorio por la noche. | luna brillar/brilla ventana dormitorio noche
Mi hermana enseña a leer y a escribir a niños pequeños. | hermana enseñar/enseña leer escribir niño/niños pequeño/pequeños
Siempre lleva una botella de agua en el bolso. | llevar/lleva botella agua bolso
El ferri transporta coches y pasajeros hasta la isla. | ferri transportar/transporta coche/coches pasajero/pasajeros isla
La panadería vende panecillos calientes muy temprano. | panadería vender/vende panecillo/panecillos caliente/calientes
Los niños se acuestan a las ocho cuando hay colegio. | niño/niños acostar/acuestan colegio
Llora cada vez que ve esa película tan triste. | llorar/llora vez ver/ve película triste
El relojero de la esquina arregla relojes antiguos. | relojero esquina arreglar/arregla reloj/relojes antiguo/antiguos
Mi abuela todavía escribe las cartas a mano. | abuela escribir/escribe carta/cartas mano
Los lobos hambrientos siguieron al ciervo por la nieve. | lobo/lobos hambriento/hambrientos seguir/siguieron ciervo nieve
Un hombre alto con un abrigo oscuro llamó a nuestra puerta. | hombre alto abrigo oscuro llamar/llamó puerta
El gatito se durmió en mi regazo. | gatito dormir/durmió regazo
El bombero valiente sacó al niño del humo. | bombero valiente sacar/sacó niño humo
La niña tímida por fin habló con sus nuevos compañeros. | niña tímido/tímida hablar/habló nuevo/nuevos compañero/compañeros
Los vecinos ruidosos tuvieron una fiesta hasta las tres de la madrugada. | vecino/vecinos ruidoso/ruidosos fiesta madrugada
Los excursionistas durmieron en un refugio en lo alto de la montaña. | excursionista/excursionistas dormir/durmieron refugio montaña
Las calles vacías parecían extrañas el domingo por la mañana. | calle/calles vacío/vacías parecer/parecían extraño/extrañas domingo mañana
Tomamos el camino equivocado y llegamos con dos horas de retraso. | tomar/tomamos camino equivocado llegar/llegamos hora/horas retraso
Mi marido ronca tan fuerte que no puedo dormir. | marido roncar/ronca dormir
El médico le dijo que descansara unos días. | médico decir/dijo descansar/descansara día/días
Envió el paquete por correo el lunes por la mañana. | enviar/envió paquete correo lunes mañana
Vendíamos limonada a la gente que pasaba por delante de casa. | vender/vendíamos limonada gente pasar/pasaba casa
Los alumnos escuchaban las historias del viejo marinero. | alumno/alumnos escuchar/escuchaban historia/historias viejo marinero
El viento ha arrancado todas las hojas de los árboles. | viento arrancar/arrancado hoja/hojas árbol/árboles
He escondido los regalos encima del armario. | esconder/escondido regalo/regalos armario
Ha elegido un nombre para su nuevo cachorro. | elegir/elegido nombre nuevo cachorro
Conduce este coche viejo desde hace veinte años. | conducir/conduce coche viejo año/años
Han construido un parque infantil detrás del colegio. | construir/construido parque infantil colegio
Las ovejas pastaban tranquilamente en la ladera de la colina. | oveja/ovejas pastar/pastaban ladera colina
Iremos a la playa en cuanto empiecen las vacaciones. | ir/iremos playa empezar/empiecen
Recibió una carta de su hermano, que vive en Canadá. | recibir/recibió carta hermano vivir/vive
Los manzanos del huerto están cubiertos de flores blancas. | manzano/manzanos huerto cubrir/cubiertos flor/flores blanco/blancas
Mi abuelo se acuerda del nombre de todos sus alumnos. | abuelo acordar/acuerda nombre alumno/alumnos
Anoche vimos una película muy emocionante en el cine. | ver/vimos película emocionante cine
El jardinero poda los rosales a principios de la primavera. | jardinero podar/poda rosal/rosales principio/principios primavera
Puso la leche en la nevera para que no se estropeara. | poner/puso leche nevera estropear/estropeara
Los niños pintaron huevos de todos los colores. | niño/niños pintar/pintaron huevo/huevos color/colores
Perdió las llaves mientras corría detrás del autobús. | perder/perdió llave/llaves correr/corría autobús
El vecino corta el césped todos los sábados por la mañana. | vecino cortar/corta césped sábado/sábados mañana
La anciana vendía flores delante de la iglesia. | anciana vender/vendía flor/flores iglesia
Estas montañas están cubiertas de nieve todo el año. | montaña/montañas cubrir/cubiertas nieve año
El chico trepó al árbol para coger cerezas. | chico trepar/trepó árbol coger cereza/cerezas
Esperábamos el tren en el andén desde hacía una hora. | esperar/esperábamos tren andén hora
Siempre bebe una copa de vino tinto con la cena. | beber/bebe copa vino tinto cena
Los turistas se hacen fotos delante de la catedral. | turista/turistas hacer/hacen foto/fotos catedral
Mi perro siempre duerme a los pies de mi cama. | perro dormir/duerme pie/pies cama
El profesor devolvió los exámenes corregidos a los alumnos. | profesor devolver/devolvió examen/exámenes corregir/corregidos alumno/alumnos
Ganó el primer premio del concurso de dibujo. | ganar/ganó primero/primer premio concurso dibujo
Comimos churros con chocolate en la playa. | comer/comimos churro/churros chocolate playa
Los cisnes se deslizaban despacio por el lago helado. | cisne/cisnes deslizar/deslizaban lago
El niño derramó el zumo de naranja sobre el mantel. | niño derramar/derramó zumo naranja mantel
Vendieron su casa vieja para comprar un piso en la ciudad. | vender/vendieron casa viejo/vieja comprar piso ciudad
El gato negro cruza la calle cada tarde a la misma hora. | gato negro cruzar/cruza calle tarde hora
Llevo tres días leyendo una novela policíaca apasionante. | día/días leer/leyendo novela policíaco/policíaca apasionante
Las hojas amarillas caían despacio en el jardín. | hoja/hojas amarillo/amarillas caer/caían jardín
Mi tía hace una sopa deliciosa con las verduras de su huerto. | tía hacer/hace sopa delicioso/deliciosa verdura/verduras huerto
Abrió la caja y encontró una carta antigua. | abrir/abrió caja encontrar/encontró carta antiguo/antigua
Los niños hicieron una cabaña en el bosque. | niño/niños hacer/hicieron cabaña bosque
El ruido de la lluvia en el tejado me hizo dormir. | ruido lluvia tejado dormir
Compró fresas y cerezas en el mercado. | comprar/compró fresa/fresas cereza/cerezas mercado
Mi tío pescó tres truchas en el río. | tío pescar/pescó trucha/truchas río
Los cantantes saludaron al público al final del concierto. | cantante/cantantes saludar/saludaron público final concierto
Brillaba el sol y los pájaros cantaban en el parque. | brillar/brillaba sol pájaro/pájaros cantar/cantaban parque
Colocamos los libros en las estanterías del salón. | colocar/colocamos libro/libros estantería/estanterías salón
# más
El joven granjero vendía huevos frescos y queso en el mercado del pueblo. | joven granjero vender/vendía huevo/huevos fresco/frescos queso mercado pueblo
Mi abuela cultivaba guisantes de olor junto al viejo muro de piedra. | abuela cultivar/cultivaba guisante/guisantes olor viejo muro piedra
Los niños cansados se durmieron en el asiento de atrás del coche. | niño/niños cansado/cansados dormir/durmieron asiento coche
Dos niños pequeños volaban una cometa roja sobre las dunas. | niño/niños pequeño/pequeños volar/volaban cometa rojo/roja duna/dunas
Los marineros valientes llevaron el barco dañado a una bahía tranquila. | marinero/marineros valiente/valientes llevar/llevaron barco bahía tranquilo/tranquila
Mi vecina hace pan y lo comparte con toda la calle. | vecina hacer/hace pan compartir/comparte calle
Los alumnos pintaron un mural enorme y colorido en la pared del colegio. | alumno/alumnos pintar/pintaron mural enorme colorido pared colegio
Un zorro hambriento entró en el jardín y robó una gallina. | zorro hambriento entrar/entró jardín robar/robó gallina
El viejo pescador remendaba sus redes en el muelle tranquilo. | viejo pescador remendar/remendaba red/redes muelle tranquilo
Escribió un poema corto sobre la primera nieve del invierno. | escribir/escribió poema corto primero/primera nieve invierno
La niña lista resolvió el rompecabezas difícil en diez minutos. | niña listo/lista resolver/resolvió rompecabezas difícil minuto/minutos
Nuestro gato tiró el jarrón verde del estante de la cocina. | gato tirar/tiró jarrón verde estante cocina
""",
    "de": """
# Haus
Meine Mutter kocht jeden Abend das Essen für die ganze Familie. | Mutter kochen/kocht Abend Essen Familie
Die Kinder räumten ihre Zimmer auf, bevor ihre Freunde kamen. | Kind/Kinder Zimmer Freund/Freunde kommen/kamen
Wir haben die Wände der Küche hellgelb gestrichen. | Wand/Wände Küche hellgelb streichen/gestrichen
Er reparierte das kaputte Fenster mit einer neuen Glasscheibe. | reparieren/reparierte kaputt/kaputte Fenster neu/neuen Glasscheibe
Die Katze schläft auf der warmen Decke neben dem Ofen. | Katze schlafen/schläft warm/warmen Decke Ofen
Sie hängte die nasse Wäsche zum Trocknen in die Sonne. | hängen/hängte nass/nasse Wäsche Sonne
Mein Vater spült das Geschirr, während meine Schwester es abtrocknet. | Vater spülen/spült Geschirr Schwester
Ich habe meine Schlüssel auf dem Tisch neben der Haustür liegen lassen. | Schlüssel Tisch Haustür liegen
Sie kauften ein großes Sofa für ihr neues Wohnzimmer. | kaufen/kauften groß/großes Sofa neu/neues Wohnzimmer
Das Baby wachte früh auf und weinte nach seiner Flasche. | Baby weinen/weinte Flasche
Mein Großvater hat dieses Holzhaus mit seinen eigenen Händen gebaut. | Großvater Holzhaus Hand/Händen bauen/gebaut
Wir bewahren das frische Gemüse in der unteren Schublade des Kühlschranks auf. | frisch/frische Gemüse Schublade Kühlschrank/Kühlschranks
Die alte Uhr im Flur ist heute Nacht stehen geblieben. | alt/alte Uhr Flur Nacht
Unsere Nachbarn haben Rosen entlang des Zauns gepflanzt. | Nachbar/Nachbarn Rose/Rosen Zaun/Zauns pflanzen/gepflanzt
Sie fegte den Boden und öffnete alle Fenster. | fegen/fegte Boden öffnen/öffnete Fenster
Die Lampe neben meinem Bett gibt ein weiches Licht. | Lampe Bett geben/gibt weich/weiches Licht
Er vergaß, den Ofen auszuschalten, bevor er das Haus verließ. | vergessen/vergaß Ofen Haus verlassen/verließ
Die Kleinen haben im Badezimmer ein riesiges Chaos angerichtet. | Badezimmer riesig/riesiges Chaos
Der Hund wartet immer hinter dem Gartentor auf uns. | Hund warten/wartet Gartentor
Mein Bruder trug die schweren Kisten in die Garage. | Bruder tragen/trug schwer/schweren Kiste/Kisten Garage
Der kalte Wind pfiff durch die Ritzen der alten Tür. | kalt/kalte Wind pfeifen/pfiff Ritze/Ritzen alt/alten Tür
Wir verbrachten den verregneten Nachmittag mit Kartenspielen in der Küche. | verbringen/verbrachten Nachmittag Küche
Sie zündete eine Kerze an und setzte sich in das dunkle Zimmer. | Kerze setzen/setzte dunkel/dunkle Zimmer
Oma hat für jedes ihrer Enkelkinder einen dicken Schal gestrickt. | Oma Enkelkind/Enkelkinder dick/dicken Schal stricken/gestrickt
Während des Sturms tropfte es durch das Dach, also riefen wir einen Handwerker. | Sturm/Sturms tropfen/tropfte Dach Handwerker
Ich habe ein schönes Bild über den Kamin gehängt. | schön/schönes Bild Kamin hängen/gehängt
Meine beiden Schwestern teilen sich ein Zimmer im obersten Stock. | Schwester/Schwestern teilen Zimmer Stock
Er ist vor dem Fernseher auf dem alten Sofa eingeschlafen. | Fernseher alt/alten Sofa
Meine Tante bewahrt ihren Schmuck in einer kleinen Holzkiste auf. | Tante Schmuck klein/kleinen Holzkiste
Die Kinder schmückten ihr Zimmer mit glänzenden Sternen. | Kind/Kinder schmücken/schmückten Zimmer glänzend/glänzenden Stern/Sternen
# Essen
Sie schnitt das Brot für die Sandwiches in dünne Scheiben. | schneiden/schnitt Brot Sandwich/Sandwiches dünn/dünne Scheibe/Scheiben
Wir aßen Spaghetti mit Tomatensoße und geriebenem Käse. | essen/aßen Spaghetti Tomatensoße Käse
Der Kellner brachte uns zwei Tassen heiße Schokolade. | Kellner bringen/brachte Tasse/Tassen heiß/heiße Schokolade
Mein Onkel baut in seinem Garten Kartoffeln und Karotten an. | Onkel Garten Kartoffel/Kartoffeln Karotte/Karotten
Nach dem Laufen trank ich ein großes Glas kalte Milch. | trinken/trank groß/großes Glas kalt/kalte Milch
Der Kuchen riecht lecker, aber er braucht noch zehn Minuten. | Kuchen riechen/riecht lecker brauchen/braucht Minute/Minuten
Er schälte die Orangen und teilte sie mit seinen Freunden. | schälen/schälte Orange/Orangen teilen/teilte Freund/Freunden
Wir haben zum Frühstück Eier mit Speck gebraten. | Frühstück Ei/Eier Speck braten/gebraten
Die Suppe war zu salzig, also habe ich etwas Wasser hinzugefügt. | Suppe salzig Wasser
Sie backt jeden Sonntagmorgen frisches Brot. | backen/backt Sonntagmorgen frisch/frisches Brot
Sie bestellten eine große Pizza und drei Flaschen Limonade. | bestellen/bestellten groß/große Pizza Flasche/Flaschen Limonade
Ich habe die Zwiebeln und den Knoblauch für die Suppe gehackt. | Zwiebel/Zwiebeln Knoblauch Suppe hacken/gehackt
Die Kinder pflückten reife Erdbeeren auf dem Feld. | Kind/Kinder pflücken/pflückten reif/reife Erdbeere/Erdbeeren Feld
Mein Vater macht die besten Pfannkuchen der Welt. | Vater machen/macht gut/besten Pfannkuchen Welt
Wir machten ein Picknick mit Käse, Trauben und frischem Brot. | Picknick Käse Traube/Trauben frisch/frischem Brot
Heute Morgen ist mir der Toast schon wieder verbrannt. | Morgen Toast verbrennen/verbrannt
Dieses Restaurant serviert Fisch, der am selben Tag gefangen wurde. | Restaurant servieren/serviert Fisch Tag fangen/gefangen
Sie goss heißen Tee in die kleinen Tassen. | gießen/goss heiß/heißen Tee klein/kleinen Tasse/Tassen
Ich habe vergessen, im Supermarkt Zucker zu kaufen. | vergessen Supermarkt Zucker kaufen
Der Koch probierte die Soße und gab etwas Pfeffer dazu. | Koch probieren/probierte Soße Pfeffer
Meine Schwester isst nie Fleisch oder Fisch. | Schwester essen/isst Fleisch Fisch
Die Äpfel von unserem Baum sind süß und saftig. | Apfel/Äpfel Baum süß saftig
Er strich Butter und Honig auf sein Brot. | streichen/strich Butter Honig Brot
Ich verrührte Mehl, Zucker und Eier in einer großen Schüssel. | verrühren/verrührte Mehl Zucker Ei/Eier groß/großen Schüssel
Die Bananen wurden auf der Arbeitsplatte braun. | Banane/Bananen Arbeitsplatte braun
Unsere Gäste liebten den Zitronenkuchen, den wir nach dem Essen servierten. | Gast/Gäste lieben/liebten Zitronenkuchen Essen servieren/servierten
Sie presste drei Zitronen für eine frische Limonade aus. | Zitrone/Zitronen frisch/frische Limonade
Der Bauer verkauft auf dem Markt Eier und Milch. | Bauer verkaufen/verkauft Markt Ei/Eier Milch
Nach dem Mittagessen trinken wir immer einen schwarzen Kaffee. | Mittagessen trinken schwarz/schwarzen Kaffee
Der Bäcker gab uns ein Croissant, das noch warm war. | Bäcker geben/gab Croissant warm
# Arbeit
Der Direktor erklärte die neuen Regeln in der Besprechung am Morgen. | Direktor erklären/erklärte neu/neuen Regel/Regeln Besprechung Morgen
Ich habe meinem Chef den Bericht vor dem Mittagessen geschickt. | Chef Bericht Mittagessen schicken/geschickt
Die Arbeiter haben die neue Brücke zwei Monate vor dem Termin fertiggestellt. | Arbeiter neu/neue Brücke Monat/Monate Termin
Er verbringt den größten Teil des Tages damit, E-Mails zu beantworten. | verbringen/verbringt Teil Tag/Tages E-Mail/E-Mails beantworten
Unsere Firma hat in diesem Frühling drei junge Ingenieure eingestellt. | Firma Frühling jung/junge Ingenieur/Ingenieure
Der Drucker ging kurz vor der wichtigen Besprechung kaputt. | Drucker wichtig/wichtigen Besprechung
Mein Kollege fährt mich ins Büro, wenn es regnet. | Kollege fahren/fährt Büro regnen/regnet
Sie schrieb einen langen Brief an den Direktor der Bank. | schreiben/schrieb lang/langen Brief Direktor Bank
Der Bäcker steht um vier Uhr auf, um das Brot zu backen. | Bäcker Uhr Brot backen
Sie unterschrieben den Vertrag nach einer langen Diskussion. | unterschreiben/unterschrieben Vertrag lang/langen Diskussion
Er verlor seine Arbeit, als die Fabrik schloss. | verlieren/verlor Arbeit Fabrik schließen/schloss
Der Lehrer hat am Wochenende alle Aufsätze korrigiert. | Lehrer Wochenende Aufsatz/Aufsätze korrigieren/korrigiert
Ich habe meinen Chef um einen freien Tag in der nächsten Woche gebeten. | Chef frei/freien Tag Woche bitten/gebeten
Der Anwalt las die Dokumente vor dem Prozess sorgfältig. | Anwalt lesen/las Dokument/Dokumente Prozess
Die Verkäuferin half mir, eine warme Jacke zu finden. | Verkäuferin helfen/half warm/warme Jacke finden
Unser Team hat einen Preis für das beste Design gewonnen. | Team Preis gut/beste Design gewinnen/gewonnen
Die Handwerker reparieren das Dach der alten Schule. | Handwerker reparieren Dach alt/alten Schule
Vor seinem ersten Vorstellungsgespräch in der großen Firma war er nervös. | Vorstellungsgespräch groß/großen Firma nervös
Der Pilot bat die Passagiere, sich anzuschnallen. | Pilot bitten/bat Passagier/Passagiere
Seit er die Stelle gewechselt hat, verdient er mehr Geld. | Stelle wechseln/gewechselt verdienen/verdient Geld
Die Sekretärin reservierte einen Raum für die Konferenz. | Sekretärin reservieren/reservierte Raum Konferenz
Der Mechaniker hat die Bremsen meines Autos in einer Stunde repariert. | Mechaniker Bremse/Bremsen Auto/Autos Stunde reparieren/repariert
Ich habe mein Passwort vergessen und konnte den Computer nicht öffnen. | Passwort vergessen Computer öffnen
Der Briefträger bringt die Post gegen zehn Uhr. | Briefträger bringen/bringt Post Uhr
Die Kellner arbeiten am Wochenende viele Stunden. | Kellner arbeiten Wochenende Stunde/Stunden
# Reisen
Wir flogen nach Rom und nahmen dann den Zug nach Florenz. | fliegen/flogen nehmen/nahmen Zug
Das Flugzeug landete trotz des starken Windes sicher. | Flugzeug landen/landete stark/starken Wind/Windes
Sie packten ihre Koffer am Abend vor der Reise. | packen/packten Koffer Abend Reise
Ich habe meinen Reisepass am Flughafen in Madrid verloren. | Reisepass Flughafen verlieren/verloren
Wir wohnten in einem kleinen Hotel in der Nähe des Strandes. | wohnen/wohnten klein/kleinen Hotel Nähe Strand/Strandes
Der Bus hatte Verspätung, also verpassten wir den Anfang des Films. | Bus Verspätung verpassen/verpassten Anfang Film/Films
Nach dem Studium reiste sie sechs Monate lang durch Asien. | Studium reisen/reiste Monat/Monate
Die Touristen machten Hunderte von Fotos von der alten Burg. | Tourist/Touristen machen/machten Foto/Fotos alt/alten Burg
Unser Zug verließ den Bahnhof genau pünktlich. | Zug verlassen/verließ Bahnhof
Er mietete ein Auto und fuhr an der Küste entlang. | mieten/mietete Auto Küste
Wir kauften die Karten im Internet, um die lange Schlange zu vermeiden. | kaufen/kauften Karte/Karten Internet lang/lange Schlange vermeiden
Der Reiseführer zeigte uns die älteste Kirche der Stadt. | Reiseführer zeigen/zeigte alt/älteste Kirche Stadt
Auf langen Bootsfahrten wird mir immer schlecht. | lang/langen Bootsfahrt/Bootsfahrten schlecht
Sie schliefen in einem Zelt oben auf dem Hügel. | schlafen/schliefen Zelt Hügel
Mein Koffer war zu schwer, also musste ich extra bezahlen. | Koffer schwer bezahlen
Wir gingen über die Brücke, um den Sonnenuntergang zu sehen. | gehen/gingen Brücke Sonnenuntergang sehen
Das Schiff fuhr langsam aus dem belebten Hafen. | Schiff fahren/fuhr belebt/belebten Hafen
Sie schickte uns eine Postkarte von einer winzigen Insel. | schicken/schickte Postkarte winzig/winzigen Insel
Der Taxifahrer kannte einen kürzeren Weg zum Hotel. | Taxifahrer kennen/kannte kurz/kürzeren Weg Hotel
Wir verpassten den letzten Bus und gingen im Regen nach Hause. | verpassen/verpassten Bus gehen/gingen Regen
Das Hotelzimmer hatte einen schönen Blick auf den See. | Hotelzimmer schön/schönen Blick See
Er hat seine Kamera im Zug nach Paris vergessen. | Kamera Zug vergessen
Der Flug wurde wegen des starken Schnees gestrichen. | Flug stark/starken Schnee/Schnees streichen/gestrichen
Wir überquerten die Grenze früh am Morgen. | überqueren/überquerten Grenze Morgen
Ich schrieb die Adresse des Hotels auf einen Zettel. | schreiben/schrieb Adresse Hotel/Hotels Zettel
# Wetter
Es schneite die ganze Nacht, und am Morgen waren die Straßen weiß. | schneien/schneite Nacht Morgen Straße/Straßen weiß
Nach einer Woche starken Regens kam endlich die Sonne heraus. | Woche stark/starken Regen/Regens Sonne
Ein heftiger Sturm hat mehrere Bäume im Park umgeworfen. | heftig/heftiger Sturm Baum/Bäume Park
Der Himmel wurde dunkel, und über den Hügeln donnerte es. | Himmel dunkel Hügel/Hügeln donnern/donnerte
Wir blieben drinnen, weil das Gewitter immer schlimmer wurde. | bleiben/blieben Gewitter schlimm/schlimmer
Der Wetterbericht verspricht Sonnenschein für das ganze Wochenende. | Wetterbericht versprechen/verspricht Sonnenschein Wochenende
Dichter Nebel lag heute früh über dem Tal. | dicht/Dichter Nebel liegen/lag Tal
Der Fluss fror im kältesten Winter seit Jahren zu. | Fluss kalt/kältesten Winter Jahr/Jahren
Der starke Regen hat die Straßen in der Nähe des Dorfes überflutet. | stark/starke Regen Straße/Straßen Dorf/Dorfes überfluten/überflutet
Die Kinder bauten im Vorgarten einen Schneemann. | Kind/Kinder bauen/bauten Vorgarten Schneemann
Es war so heiß, dass das Eis in wenigen Minuten schmolz. | heiß Eis Minute/Minuten schmelzen/schmolz
Die Wolken verschwanden und die Sterne leuchteten am Himmel. | Wolke/Wolken verschwinden/verschwanden Stern/Sterne leuchten/leuchteten Himmel
Der Blitz schlug in die alte Eiche hinter der Kirche ein. | Blitz alt/alte Eiche Kirche
Am Abend wehte eine kühle Brise vom Meer. | Abend wehen/wehte kühl/kühle Brise Meer
Im Herbst fallen die Blätter von den Bäumen. | Herbst fallen Blatt/Blätter Baum/Bäumen
Wir trugen warme Mäntel und Handschuhe, weil es eiskalt war. | tragen/trugen warm/warme Mantel/Mäntel Handschuh/Handschuhe eiskalt
Der Regen hörte auf, und über den Feldern erschien ein Regenbogen. | Regen Feld/Feldern erscheinen/erschien Regenbogen
Letzte Nacht sank die Temperatur unter null. | Nacht sinken/sank Temperatur
# Tiere
Die Hunde jagten den Ball über die nasse Wiese. | Hund/Hunde jagen/jagten Ball nass/nasse Wiese
Ein kleiner Vogel hat sein Nest in unserem Schornstein gebaut. | klein/kleiner Vogel Nest Schornstein bauen/gebaut
Die Pferde galoppierten über das Feld. | Pferd/Pferde galoppieren/galoppierten Feld
Unsere Katze hat gestern im Garten eine Maus gefangen. | Katze Garten Maus fangen/gefangen
Die Kühe geben in den Sommermonaten mehr Milch. | Kuh/Kühe geben Sommermonat/Sommermonaten Milch
Eine große Spinne versteckte sich unter meinem Bett. | groß/große Spinne verstecken/versteckte Bett
Die Schafe folgten dem Schäfer bis zum Stall. | Schaf/Schafe folgen/folgten Schäfer Stall
Zwei Enten schwammen ruhig über den Teich. | Ente/Enten schwimmen/schwammen Teich
Die Mäuse haben den Käse gefressen, den wir in der Küche liegen gelassen hatten. | Maus/Mäuse Käse fressen/gefressen Küche
Mein Hund bellt laut, wenn der Briefträger kommt. | Hund bellen/bellt Briefträger kommen/kommt
Die Wölfe heulten die ganze Nacht im dunklen Wald. | Wolf/Wölfe heulen/heulten Nacht dunkel/dunklen Wald
Der Tierpfleger füttert die Löwen zweimal am Tag. | Tierpfleger füttern/füttert Löwe/Löwen Tag
Am Waldrand tauchte plötzlich ein riesiger Bär auf. | Waldrand riesig/riesiger Bär
Der Welpe hat meine neuen Schuhe zerkaut, während ich arbeitete. | Welpe neu/neuen Schuh/Schuhe zerkauen/zerkaut arbeiten/arbeitete
Die Bienen sammeln Pollen von den Blumen auf der Wiese. | Biene/Bienen sammeln Pollen Blume/Blumen Wiese
Die Kinder gaben den Gänsen im Park Brot. | Kind/Kinder geben/gaben Gans/Gänsen Park Brot
Der Fuchs hat letzte Nacht zwei Hühner vom Bauernhof gestohlen. | Fuchs Nacht Huhn/Hühner Bauernhof stehlen/gestohlen
Meine Schwester hat Angst vor Schlangen und Spinnen. | Schwester Angst Schlange/Schlangen Spinne/Spinnen
Das Kaninchen grub ein tiefes Loch unter dem Zaun. | Kaninchen graben/grub tief/tiefes Loch Zaun
Ein winziges Kätzchen schlief in einem Korb neben dem Ofen. | winzig/winziges Kätzchen schlafen/schlief Korb Ofen
Die Elefanten tranken Wasser aus dem schlammigen Fluss. | Elefant/Elefanten trinken/tranken Wasser schlammig/schlammigen Fluss
Unser Papagei wiederholt jedes Wort, das er hört. | Papagei wiederholen/wiederholt Wort hören/hört
Die Fischer fingen einen riesigen Fisch in der Nähe der Felsen. | Fischer fangen/fingen riesig/riesigen Fisch Fels/Felsen
Die Affen sprangen von Ast zu Ast durch die hohen Bäume. | Affe/Affen springen/sprangen hoch/hohen Baum/Bäume
Ein Schmetterling landete auf der gelben Blume. | Schmetterling landen/landete gelb/gelben Blume
Wir sahen Delfine neben unserem Boot schwimmen. | sehen/sahen Delfin/Delfine Boot schwimmen
Die Eule saß still auf einem Ast des alten Baumes. | Eule sitzen/saß Ast alt/alten Baum/Baumes
Meine Großmutter hält Hühner hinter ihrem Haus. | Großmutter halten/hält Huhn/Hühner Haus
Der Hund hat seinen Knochen im Blumenbeet vergraben. | Hund Knochen Blumenbeet vergraben
Das junge Reh rannte in den Wald, als es uns sah. | jung/junge Reh rennen/rannte Wald sehen/sah
Die Goldfische schwimmen im Aquarium im Kreis. | Goldfisch/Goldfische schwimmen Aquarium Kreis
# Sport
Unsere Mannschaft schoss in der zweiten Halbzeit zwei Tore. | Mannschaft schießen/schoss Halbzeit Tor/Tore
Sie läuft jeden Morgen vor der Arbeit fünf Kilometer. | laufen/läuft Morgen Arbeit Kilometer
Er hat sich beim Fußballspiel am Knie verletzt. | Fußballspiel Knie verletzen/verletzt
Nach dem Spiel gaben sich die Spieler die Hand. | Spiel geben/gaben Spieler Hand
Wir schwimmen im See, wenn das Wasser warm ist. | schwimmen See Wasser warm
Der Torwart fing den Ball mit einer Hand. | Torwart fangen/fing Ball Hand
Mein Bruder spielt jeden Samstag mit seinen Freunden Tennis. | Bruder spielen/spielt Samstag Freund/Freunden Tennis
Die Zuschauer jubelten, als die Läuferin über die Ziellinie lief. | Zuschauer jubeln/jubelten Läuferin Ziellinie laufen/lief
Sie gewann bei der nationalen Meisterschaft eine Goldmedaille. | gewinnen/gewann national/nationalen Meisterschaft Goldmedaille
Sie bestiegen den höchsten Berg des Landes. | besteigen/bestiegen hoch/höchsten Berg Land/Landes
Der Trainer sagte den Spielern, dass sie mehr trainieren sollten. | Trainer sagen/sagte Spieler/Spielern trainieren
Der Schiedsrichter pfiff und unterbrach das Spiel. | Schiedsrichter pfeifen/pfiff unterbrechen/unterbrach Spiel
Ich verlor das Rennen um weniger als eine Sekunde. | verlieren/verlor Rennen Sekunde
Wir sahen das Spiel auf einer großen Leinwand auf dem Platz. | sehen/sahen Spiel groß/großen Leinwand Platz
Die Skifahrer rasten den steilen Hang hinunter. | Skifahrer steil/steilen Hang
Sie brach den Weltrekord im Weitsprung. | brechen/brach Weltrekord Weitsprung
Die Fans sangen während des ganzen Spiels. | Fan/Fans singen/sangen ganz/ganzen Spiel/Spiels
Er warf den Ball aus Versehen über den Zaun. | werfen/warf Ball Versehen Zaun
Unsere kleine Mannschaft besiegte den besten Verein der Stadt. | klein/kleine Mannschaft besiegen/besiegte gut/besten Verein Stadt
An Spieltagen fährt er mit dem Fahrrad ins Stadion. | Spieltag/Spieltagen fahren/fährt Fahrrad Stadion
# Schule
Die Schüler schrieben einen kurzen Aufsatz über ihre Sommerferien. | Schüler schreiben/schrieben kurz/kurzen Aufsatz Sommerferien
Die Lehrerin stellte eine schwierige Frage über den Krieg. | Lehrerin stellen/stellte schwierig/schwierige Frage Krieg
Ich habe meine Hausaufgaben auf dem Küchentisch vergessen. | Hausaufgabe/Hausaufgaben Küchentisch vergessen
Am Ende des Schuljahres sangen die Kinder ein Lied für ihre Eltern. | Ende Schuljahr/Schuljahres singen/sangen Kind/Kinder Lied Eltern
Sie studiert Chemie an einer großen Universität. | studieren/studiert Chemie groß/großen Universität
Wir haben für den Unterricht ein neues Gedicht auswendig gelernt. | Unterricht neu/neues Gedicht lernen/gelernt
Im Kunstunterricht malten die Schüler Bilder von Tieren. | Kunstunterricht malen/malten Schüler Bild/Bilder Tier/Tieren
Er fiel durch die Matheprüfung, aber er bestand den Geschichtstest. | Matheprüfung bestehen/bestand Geschichtstest
In den Ferien schließt die Bibliothek freitags früher. | Ferien schließen/schließt Bibliothek
Unsere Lehrerin las uns eine Geschichte über einen mutigen Ritter vor. | Lehrerin Geschichte mutig/mutigen Ritter
Mein Sohn brachte einen Zettel von seinem Lehrer mit nach Hause. | Sohn Zettel Lehrer Haus/Hause
Ich lieh mir drei Bücher über den Weltraum aus der Schulbibliothek. | leihen/lieh Buch/Bücher Weltraum Schulbibliothek
Sie erklärte die Grammatikregel mit einem einfachen Beispiel. | erklären/erklärte Grammatikregel einfach/einfachen Beispiel
Die Klasse besuchte im März das Wissenschaftsmuseum. | Klasse besuchen/besuchte Wissenschaftsmuseum
Wir schrieben unsere Abschlussprüfungen in einem kalten Saal. | schreiben/schrieben Abschlussprüfung/Abschlussprüfungen kalt/kalten Saal
Die Studenten lesen im Literaturkurs klassische Romane. | Student/Studenten lesen Literaturkurs klassisch/klassische Roman/Romane
# Stadt
Die Straßen waren voller Menschen, die Geschenke kauften. | Straße/Straßen Mensch/Menschen Geschenk/Geschenke kaufen/kauften
Neben dem Einkaufszentrum hat ein neues Kino eröffnet. | Einkaufszentrum neu/neues Kino eröffnen/eröffnet
Wegen der Baustelle auf der Hauptstraße war der Verkehr schrecklich. | Baustelle Hauptstraße Verkehr schrecklich
Wir warteten an der Haltestelle neben der Bank auf die Straßenbahn. | warten/warteten Haltestelle Bank Straßenbahn
Mitten in der Stadt bauen sie einen hohen Turm. | Stadt bauen hoch/hohen Turm
Ich habe mich in den engen Gassen der Altstadt verlaufen. | eng/engen Gasse/Gassen Altstadt verlaufen
Auf dem Markt gibt es donnerstags frischen Fisch und Gemüse. | Markt frisch/frischen Fisch Gemüse
Ein Polizeiauto mit Blaulicht raste durch die enge Straße. | Polizeiauto Blaulicht rasen/raste eng/enge Straße
Die Stadt hat Hunderte von Bäumen am Flussufer gepflanzt. | Stadt Baum/Bäumen Flussufer pflanzen/gepflanzt
An diesem verregneten Sonntag war das Museum voller Touristen. | verregnet/verregneten Sonntag Museum Tourist/Touristen
Wir fanden ein ruhiges Café an einem kleinen Platz. | finden/fanden ruhig/ruhiges Café klein/kleinen Platz
Während des Gewitters gingen alle Lichter in der Straße aus. | Gewitter/Gewitters Licht/Lichter Straße
Die alte Brücke ist nachts für Autos gesperrt. | alt/alte Brücke Auto/Autos sperren/gesperrt
Tausende Menschen demonstrierten in der Innenstadt. | Mensch/Menschen demonstrieren/demonstrierten Innenstadt
Ein Straßenmusiker spielte vor dem Bahnhof Geige. | Straßenmusiker spielen/spielte Bahnhof Geige
Mit der U-Bahn kommt man am schnellsten durch die Stadt. | U-Bahn kommen/kommt Stadt
Die Kinder spielten auf dem leeren Parkplatz Fußball. | Kind/Kinder spielen/spielten leer/leeren Parkplatz Fußball
Meine Wohnung liegt im vierten Stock eines grauen Hauses. | Wohnung liegen/liegt Stock grau/grauen Haus/Hauses
Die Bäckerei an der Ecke verkauft die besten Brezeln im Viertel. | Bäckerei Ecke verkaufen/verkauft gut/besten Brezel/Brezeln Viertel
Wir setzten uns im Park auf eine Bank und fütterten die Tauben. | setzen/setzten Park Bank füttern/fütterten Taube/Tauben
# Natur
Der Fluss fließt durch ein tiefes Tal zwischen zwei Bergen. | Fluss fließen/fließt tief/tiefes Tal Berg/Bergen
Wir pflückten wilde Brombeeren entlang des Weges. | pflücken/pflückten wild/wilde Brombeere/Brombeeren Weg/Weges
Im Wald war es still, bis auf den Gesang eines Vogels. | Wald still Gesang Vogel/Vogels
Hohe Kiefern wachsen am Hang des Berges. | hoch/Hohe Kiefer/Kiefern wachsen Hang Berg/Berges
Die Wellen brachen sich an den Felsen der Küste. | Welle/Wellen brechen/brachen Fels/Felsen Küste
Wir stiegen auf den Gipfel des Hügels, um den Sonnenaufgang zu sehen. | steigen/stiegen Gipfel Hügel/Hügels Sonnenaufgang sehen
Buntes Herbstlaub bedeckte den Weg durch den Wald. | bunt/Buntes Herbstlaub bedecken/bedeckte Weg Wald
Der See sah in der ruhigen Morgenluft wie ein Spiegel aus. | See ruhig/ruhigen Morgenluft Spiegel
Im Juni wachsen überall auf den Wiesen wilde Blumen. | wachsen Wiese/Wiesen wild/wilde Blume/Blumen
Hinter unserem Ferienhaus fließt ein kleiner Bach. | Ferienhaus fließen/fließt klein/kleiner Bach
Der Vulkan brach aus und bedeckte die Dörfer mit Asche. | Vulkan bedecken/bedeckte Dorf/Dörfer Asche
Wir lagen im Gras und schauten in die Sterne. | liegen/lagen Gras schauen/schauten Stern/Sterne
In der Wüste ist es am Tag sehr heiß und in der Nacht kalt. | Wüste Tag heiß Nacht kalt
Die Forscher entdeckten eine Höhle hinter dem Wasserfall. | Forscher entdecken/entdeckten Höhle Wasserfall
Der Boden war mit frischem Schnee bedeckt. | Boden frisch/frischem Schnee bedecken/bedeckt
Am Abend geht die Sonne hinter den Bergen unter. | Abend Sonne Berg/Bergen
Am Teich hörten wir die Frösche quaken. | Teich hören/hörten Frosch/Frösche quaken
Die Insel hat wunderschöne Strände und klares blaues Wasser. | Insel wunderschön/wunderschöne Strand/Strände klar/klares blau/blaues Wasser
Nach dem starken Regen fielen riesige Felsen auf die Straße. | stark/starken Regen fallen/fielen riesig/riesige Fels/Felsen Straße
Ein Regenbogen spannte sich über den grauen Himmel. | Regenbogen spannen/spannte grau/grauen Himmel
# Gesundheit
Ich habe schreckliche Kopfschmerzen und einen rauen Hals. | schrecklich/schreckliche Kopfschmerz/Kopfschmerzen rau/rauen Hals
Der Arzt gab mir Tabletten gegen den Husten. | Arzt geben/gab Tablette/Tabletten Husten
Sie brach sich den Arm, als sie vom Fahrrad fiel. | brechen/brach Arm Fahrrad fallen/fiel
Wenn es heiß ist, sollte man viel Wasser trinken. | heiß Wasser trinken
Er putzt sich zweimal am Tag die Zähne. | putzen/putzt Tag Zahn/Zähne
Mein Großvater geht jeden Morgen im Park spazieren, um fit zu bleiben. | Großvater Morgen Park fit bleiben
Die Krankenschwester maß meine Temperatur und meinen Blutdruck. | Krankenschwester messen/maß Temperatur Blutdruck
Ich habe mich erkältet, als ich im Regen nach Hause lief. | erkälten/erkältet Regen laufen/lief
Er hat sich beim Heben einer schweren Kiste den Rücken verletzt. | schwer/schweren Kiste Rücken verletzen/verletzt
Der Zahnarzt hat mir einen Weisheitszahn gezogen. | Zahnarzt Weisheitszahn ziehen/gezogen
Sie schläft jede Nacht acht Stunden und fühlt sich großartig. | schlafen/schläft Nacht Stunde/Stunden fühlen/fühlt großartig
Der Junge schnitt sich mit einem scharfen Messer in den Finger. | Junge schneiden/schnitt scharf/scharfen Messer Finger
Frisches Obst und Gemüse halten den Körper gesund. | frisch/Frisches Obst Gemüse halten Körper gesund
Ich ging in die Apotheke, um Medikamente zu kaufen. | gehen/ging Apotheke Medikament/Medikamente kaufen
Nach einem ganzen Tag am Computer tun mir die Augen weh. | Tag Computer Auge/Augen
Der Patient wartete zwei Stunden, bevor er den Arzt sah. | Patient warten/wartete Stunde/Stunden Arzt sehen/sah
Er hat mit dem Rauchen aufgehört und läuft jetzt jeden Morgen im Park. | laufen/läuft Morgen Park
Sie hat sich auf der Treppe den Knöchel verstaucht. | Treppe Knöchel verstauchen/verstaucht
Der Krankenwagen brachte den Verletzten ins Krankenhaus. | Krankenwagen bringen/brachte Krankenhaus
Ärzte sagen, dass Lachen gut für das Herz ist. | Arzt/Ärzte sagen gut Herz
# Einkaufen
Ich habe im Schlussverkauf eine blaue Jeans gekauft. | Schlussverkauf blau/blaue Jeans kaufen/gekauft
Die Schuhe, die ich wollte, waren zu klein für meine Füße. | Schuh/Schuhe klein Fuß/Füße
Sie bezahlte die Einkäufe mit ihrer Kreditkarte. | bezahlen/bezahlte Einkauf/Einkäufe Kreditkarte
Der Laden schließt um sechs, also müssen wir uns beeilen. | Laden schließen/schließt beeilen
Er wählte eine rote Krawatte für die Hochzeit. | wählen/wählte rot/rote Krawatte Hochzeit
Wir trugen die schweren Taschen bis zum Auto. | tragen/trugen schwer/schweren Tasche/Taschen Auto
Die Kassiererin gab mir das falsche Wechselgeld. | Kassiererin geben/gab falsch/falsche Wechselgeld
Meine Mutter schreibt immer eine Einkaufsliste, bevor sie in den Supermarkt geht. | Mutter schreiben/schreibt Einkaufsliste Supermarkt gehen/geht
Ich probierte in dem Geschäft drei Kleider an, aber keines passte mir. | Geschäft Kleid/Kleider passen/passte
Die Preise in diesem Supermarkt sind stark gestiegen. | Preis/Preise Supermarkt steigen/gestiegen
Sie gab ihr ganzes Geld für Bücher und Kleidung aus. | ganz/ganzes Geld Buch/Bücher Kleidung
Wir verglichen die Preise, bevor wir einen neuen Kühlschrank kauften. | vergleichen/verglichen Preis/Preise neu/neuen Kühlschrank kaufen/kauften
Auf dem Markt verkaufen die Stände billiges Obst und Blumen. | Markt verkaufen Stand/Stände billig/billiges Obst Blume/Blumen
# Familie und Freunde
Meine Eltern feierten ihren Hochzeitstag in einem kleinen Restaurant. | Eltern feiern/feierten Hochzeitstag klein/kleinen Restaurant
Ihr jüngerer Bruder leiht sich immer ihre Pullover, ohne zu fragen. | jung/jüngerer Bruder leihen/leiht Pullover fragen
Jeden Sommer besuchen wir unsere Großeltern auf dem Land. | Sommer besuchen Großeltern Land
Mein Cousin hat in einer schönen alten Kirche geheiratet. | Cousin schön/schönen alt/alten Kirche heiraten/geheiratet
Die ganze Familie versammelte sich zum Geburtstag um den Tisch. | ganz/ganze Familie versammeln/versammelte Geburtstag Tisch
Meine Schwester und ich stritten uns um die Fernbedienung. | Schwester streiten/stritten Fernbedienung
Unsere Tochter hat letzte Woche ihre ersten Schritte gemacht. | Tochter Woche Schritt/Schritte machen/gemacht
Opa erzählt lustige Geschichten aus seiner Jugend auf dem Bauernhof. | Opa erzählen/erzählt lustig/lustige Geschichte/Geschichten Jugend Bauernhof
Mein bester Freund ist letztes Jahr in ein anderes Land gezogen. | gut/bester Freund Jahr Land ziehen/gezogen
Die Kinder umarmten ihren Vater, als er nach Hause kam. | Kind/Kinder umarmen/umarmten Vater kommen/kam
Sie haben ihr Baby nach seiner Großmutter benannt. | Baby Großmutter benennen/benannt
Meine Tante schickt mir jedes Jahr eine Karte zum Geburtstag. | Tante schicken/schickt Jahr Karte Geburtstag
Wir haben alle Nachbarn zu unserem Sommerfest im Garten eingeladen. | Nachbar/Nachbarn Sommerfest Garten
Die Jungen stritten sich um das letzte Stück Kuchen. | Junge/Jungen streiten/stritten Stück Kuchen
Mein Mann hat heute Morgen für alle Frühstück gemacht. | Mann Morgen Frühstück machen/gemacht
Sie schreibt ihrer Brieffreundin in Kanada lange Briefe. | schreiben/schreibt Brieffreundin lang/lange Brief/Briefe
Mein kleiner Bruder hat meine Lieblingstasse zerbrochen. | klein/kleiner Bruder Lieblingstasse zerbrechen/zerbrochen
Wir verbrachten die Feiertage mit unseren Verwandten in den Bergen. | verbringen/verbrachten Feiertag/Feiertage Verwandte/Verwandten Berg/Bergen
Ihre Großeltern haben sich vor sechzig Jahren bei einem Tanz kennengelernt. | Großeltern Jahr/Jahren Tanz
Mein Sohn möchte Pilot werden, wenn er groß ist. | Sohn Pilot groß
# Hobbys
In ihrer Freizeit malt sie Landschaften. | Freizeit malen/malt Landschaft/Landschaften
Mein Onkel sammelt alte Münzen aus aller Welt. | Onkel sammeln/sammelt alt/alte Münze/Münzen Welt
Jeden Sonntagmorgen gehen wir am See angeln. | Sonntagmorgen gehen See angeln
Er spielt mit seinen Freunden Gitarre in einer Rockband. | spielen/spielt Freund/Freunden Gitarre Rockband
Ich lerne gerade, eine warme Mütze für den Winter zu stricken. | lernen/lerne warm/warme Mütze Winter stricken
Sie verbrachten das ganze Wochenende damit, ein Modellschiff zu bauen. | verbringen/verbrachten ganz/ganze Wochenende Modellschiff bauen
Meine Großmutter löst jeden Tag das Kreuzworträtsel in der Zeitung. | Großmutter lösen/löst Tag Kreuzworträtsel Zeitung
Wir zelteten im Wald und kochten über einem Lagerfeuer. | zelten/zelteten Wald kochen/kochten Lagerfeuer
Sie macht wunderschöne Fotos von Vögeln und Blumen. | machen/macht wunderschön/wunderschöne Foto/Fotos Vogel/Vögeln Blume/Blumen
Auf dem Weg zur Arbeit liest er im Zug Krimis. | Weg Arbeit lesen/liest Zug Krimi/Krimis
Ich bin in einen Chor eingetreten, und wir singen jeden Dienstagabend. | Chor singen Dienstagabend
Die Mädchen tanzten auf dem Schulfest die ganze Nacht. | Mädchen tanzen/tanzten Schulfest Nacht
Mein Vater züchtet Tomaten in einem kleinen Gewächshaus. | Vater züchten/züchtet Tomate/Tomaten klein/kleinen Gewächshaus
Wir spielten bis spät in den Abend Schach. | spielen/spielten Abend Schach
Er schnitzte aus einem Stück Holz einen kleinen Vogel. | schnitzen/schnitzte Stück Holz klein/kleinen Vogel
Sie näht ihre Kleider selbst auf einer alten Nähmaschine. | nähen/näht Kleid/Kleider alt/alten Nähmaschine
Am Wochenende wandern meine Freunde und ich in den Hügeln. | Wochenende wandern Freund/Freunde Hügel/Hügeln
Der Junge ließ seinen Drachen am windigen Strand steigen. | Junge Drachen windig/windigen Strand steigen
Ich habe am Samstag Kekse für meine Freunde gebacken. | Samstag Keks/Kekse Freund/Freunde backen/gebacken
Wir sahen uns im Fernsehen einen alten Schwarzweißfilm an. | Fernsehen alt/alten Schwarzweißfilm
# Technik
Mitten im Telefonat war der Akku meines Handys leer. | Telefonat Akku Handy/Handys leer
Er hat ein neues Spiel auf sein Tablet heruntergeladen. | neu/neues Spiel Tablet
Der Computer stürzte ab, und ich verlor meine ganze Arbeit. | Computer verlieren/verlor ganz/ganze Arbeit
Sie schickte mir eine Nachricht mit einem Foto ihres neuen Welpen. | schicken/schickte Nachricht Foto neu/neuen Welpe/Welpen
Ich lade meinen Laptop jeden Abend auf, bevor ich ins Bett gehe. | Laptop Abend Bett gehen/gehe
Im Hotel war das Internet sehr langsam. | Hotel Internet langsam
Meine Großmutter hat gelernt, mit ihren Enkeln Videoanrufe zu machen. | Großmutter lernen/gelernt Enkel/Enkeln Videoanruf/Videoanrufe machen
Er kaufte online eine billige Kamera, aber nach einer Woche war sie kaputt. | kaufen/kaufte billig/billige Kamera Woche kaputt
Mitten in meinem Aufsatz war die Tinte im Drucker alle. | Aufsatz Tinte Drucker
Wir haben die Software auf allen Bürocomputern aktualisiert. | Software Bürocomputer/Bürocomputern aktualisieren/aktualisiert
Sie vergaß, die Datei zu speichern, und musste von vorn anfangen. | vergessen/vergaß Datei speichern anfangen
Der Bildschirm meines Handys bekam einen Sprung, als es herunterfiel. | Bildschirm Handy/Handys bekommen/bekam Sprung
Mein Sohn verbringt zu viel Zeit mit Videospielen. | Sohn verbringen/verbringt Zeit Videospiel/Videospielen
Die neue App hilft den Leuten, billige Flüge zu finden. | neu/neue App helfen/hilft Leute/Leuten billig/billige Flug/Flüge finden
Er tippte den Brief schnell und druckte zwei Kopien aus. | tippen/tippte Brief Kopie/Kopien
# Musik und Kunst
Das Orchester spielte im alten Konzertsaal eine wunderschöne Sinfonie. | Orchester spielen/spielte alt/alten Konzertsaal wunderschön/wunderschöne Sinfonie
Sie singt seit ihrer Kindheit im Kirchenchor. | singen/singt Kindheit Kirchenchor
Am Ende des Konzerts spielte die Band ihre berühmtesten Lieder. | Ende Konzert/Konzerts spielen/spielte Band berühmt/berühmtesten Lied/Lieder
Er hört Jazz, während er das Abendessen kocht. | hören/hört Jazz Abendessen kochen/kocht
Der Künstler malte ein Porträt der Königin. | Künstler malen/malte Porträt Königin
Wir tanzten zur Musik, bis die Sonne aufging. | tanzen/tanzten Musik Sonne
Meine Tochter übt jeden Tag eine Stunde Klavier. | Tochter üben/übt Tag Stunde Klavier
Am Ende der Vorstellung applaudierte das Publikum lange. | Ende Vorstellung applaudieren/applaudierte Publikum
Der Sänger vergaß den Text des zweiten Liedes. | Sänger vergessen/vergaß Text Lied/Liedes
Die Galerie zeigt Gemälde von jungen Künstlern aus der Region. | Galerie zeigen/zeigt Gemälde jung/jungen Künstler/Künstlern Region
Er schrieb ein Lied zum Geburtstag seiner Freundin. | schreiben/schrieb Lied Geburtstag Freundin
Die Kinder bastelten bunte Masken für den Karneval. | Kind/Kinder basteln/bastelten bunt/bunte Maske/Masken Karneval
Heute Morgen hörte ich im Radio ein wunderschönes Lied. | Morgen hören/hörte Radio wunderschön/wunderschönes Lied
Der Schlagzeuger zerbrach beim ersten Lied einen Stock. | Schlagzeuger zerbrechen/zerbrach Lied Stock
Die Studenten besuchten eine Ausstellung moderner Skulpturen. | Student/Studenten besuchen/besuchten Ausstellung modern/moderner Skulptur/Skulpturen
# Kleidung
Auf der Party trug sie ein langes rotes Kleid. | Party tragen/trug lang/langes rot/rotes Kleid
Er vergaß seinen Schal, und seine Ohren wurden kalt. | vergessen/vergaß Schal Ohr/Ohren kalt
Für den Winter brauche ich neue Stiefel. | Winter brauchen/brauche neu/neue Stiefel
Die Jacke war zu eng, also kaufte ich eine größere. | Jacke eng kaufen/kaufte groß/größere
Meine Großmutter hat mir einen dicken Wollpullover gestrickt. | Großmutter dick/dicken Wollpullover stricken/gestrickt
Für das Vorstellungsgespräch zog er seinen besten Anzug an. | Vorstellungsgespräch gut/besten Anzug
Die Kinder ließen ihre schmutzigen Stiefel vor der Tür stehen. | Kind/Kinder schmutzig/schmutzigen Stiefel Tür
Vor der Besprechung bügelte sie ihre weiße Bluse. | Besprechung bügeln/bügelte weiß/weiße Bluse
Diese Hose ist zu lang für meinen kleinen Bruder. | Hose lang klein/kleinen Bruder
Ich habe im Bus einen meiner Handschuhe verloren. | Bus Handschuh/Handschuhe verlieren/verloren
Er trägt immer einen schwarzen Hut und einen grauen Mantel. | tragen/trägt schwarz/schwarzen Hut grau/grauen Mantel
Meine Schwester hat ihre alte Jeans dunkelblau gefärbt. | Schwester alt/alte Jeans dunkelblau färben/gefärbt
# Verkehr
Der Zug zum Flughafen fährt alle fünfzehn Minuten. | Zug Flughafen fahren/fährt Minute/Minuten
Er parkte sein Auto vor der Post. | parken/parkte Auto Post
Wir nahmen die Fähre über die Bucht zur Insel. | nehmen/nahmen Fähre Bucht Insel
Der Busfahrer wartete, bis sich die alte Dame gesetzt hatte. | Busfahrer warten/wartete alt/alte Dame setzen/gesetzt
Mein Fahrrad hatte einen Platten, also ging ich zu Fuß zur Schule. | Fahrrad Platten gehen/ging Fuß Schule
Die Straßen waren glatt, und mehrere Autos rutschten von der Fahrbahn. | Straße/Straßen glatt Auto/Autos rutschen/rutschten Fahrbahn
Sie lernte im alten Auto ihres Vaters fahren. | lernen/lernte alt/alten Auto Vater/Vaters fahren
Wegen des Nebels startete das Flugzeug mit einer Stunde Verspätung. | Nebel/Nebels starten/startete Flugzeug Stunde Verspätung
Wir radelten am Kanal entlang bis ins nächste Dorf. | radeln/radelten Kanal Dorf
Ein Lastwagen blockierte eine Stunde lang die enge Straße. | Lastwagen blockieren/blockierte Stunde eng/enge Straße
Er verpasste seinen Zug, weil sein Wecker nicht klingelte. | verpassen/verpasste Zug Wecker klingeln/klingelte
Die Fahrgäste beschwerten sich über die lange Verspätung. | Fahrgast/Fahrgäste beschweren/beschwerten lang/lange Verspätung
Das Taxi brachte uns vom Bahnhof zum Hotel. | Taxi bringen/brachte Bahnhof Hotel
Ich habe mein altes Motorrad an einen Kollegen verkauft. | alt/altes Motorrad Kollege/Kollegen verkaufen/verkauft
# Feste
Wir schmückten den Baum mit Lichterketten und Glaskugeln. | schmücken/schmückten Baum Lichterkette/Lichterketten Glaskugel/Glaskugeln
Am Weihnachtsmorgen öffneten die Kinder ihre Geschenke. | Weihnachtsmorgen öffnen/öffneten Kind/Kinder Geschenk/Geschenke
Um Mitternacht zündeten sie ein Feuerwerk, um das neue Jahr zu begrüßen. | Mitternacht Feuerwerk neu/neue Jahr begrüßen
Meine Großmutter backte einen riesigen Kuchen zu meinem Geburtstag. | Großmutter backen/backte riesig/riesigen Kuchen Geburtstag
In der letzten Nacht des Zeltlagers sangen wir am Feuer Lieder. | Nacht Zeltlager/Zeltlagers singen/sangen Feuer Lied/Lieder
Während des Festes tanzte das ganze Dorf auf dem Marktplatz. | Fest/Festes tanzen/tanzte ganz/ganze Dorf Marktplatz
Ich habe die Geschenke in buntes Papier eingepackt. | Geschenk/Geschenke bunt/buntes Papier
Die Gäste brachten Blumen und Wein zum Abendessen mit. | Gast/Gäste Blume/Blumen Wein Abendessen
Sie verbrachten ihre Flitterwochen auf einer ruhigen Insel. | verbringen/verbrachten Flitterwochen ruhig/ruhigen Insel
Die Braut trug ein langes weißes Kleid und einen Strauß Rosen. | Braut tragen/trug lang/langes weiß/weißes Kleid Strauß Rose/Rosen
Die Kinder verkleideten sich als Gespenster und Hexen. | Kind/Kinder verkleiden/verkleideten Gespenst/Gespenster Hexe/Hexen
Sie versteckten Schokoladeneier im ganzen Garten. | verstecken/versteckten Schokoladenei/Schokoladeneier ganz/ganzen Garten
Wir feierten das Ende der Prüfungen mit einer großen Party. | feiern/feierten Ende Prüfung/Prüfungen groß/großen Party
# Gefühle und Menschen
Sie lächelte, als sie ihren alten Freund am Bahnhof sah. | lächeln/lächelte alt/alten Freund Bahnhof sehen/sah
Der kleine Junge weinte, weil er seinen Luftballon verloren hatte. | klein/kleine Junge weinen/weinte Luftballon verlieren/verloren
Bevor ich vor der ganzen Schule sprach, war ich sehr nervös. | ganz/ganzen Schule sprechen/sprach nervös
Er fühlte sich einsam, nachdem seine Freunde weggezogen waren. | fühlen/fühlte einsam Freund/Freunde
Das Publikum lachte über jeden Witz des Schauspielers. | Publikum lachen/lachte Witz Schauspieler/Schauspielers
Meine Nachbarin ist eine freundliche Frau, die allen hilft. | Nachbarin freundlich/freundliche Frau helfen/hilft
Sie waren stolz auf ihren Sohn, als er sein Studium abschloss. | stolz Sohn Studium
Sie war wütend, weil in der Besprechung niemand ihrer Idee zuhörte. | wütend Besprechung Idee
Der alte Mann bedankte sich bei uns, weil wir seine Einkäufe getragen hatten. | alt/alte Mann bedanken/bedankte Einkauf/Einkäufe tragen/getragen
Mitten im Mai Schnee zu sehen, überraschte uns sehr. | Mai Schnee sehen überraschen/überraschte
Er entschuldigte sich bei seiner Schwester, weil er ihr Handy kaputt gemacht hatte. | entschuldigen/entschuldigte Schwester Handy kaputt
Mein Großvater ist der ruhigste Mensch, den ich kenne. | Großvater ruhig/ruhigste Mensch kennen/kenne
Sie versteckte ihr Gesicht, weil sie schüchtern war. | verstecken/versteckte Gesicht schüchtern
# Alltag
Ich stehe um sechs Uhr auf und koche Kaffee für die ganze Familie. | Uhr kochen/koche Kaffee ganz/ganze Familie
Nach dem Mittagessen macht er oft ein kurzes Schläfchen. | Mittagessen machen/macht kurz/kurzes Schläfchen
Wir essen jeden Abend zusammen am Küchentisch. | essen Abend Küchentisch
Sie geht mit dem Hund spazieren, bevor sie zur Arbeit fährt. | Hund Arbeit fahren/fährt
Ich kämmte mir die Haare und zog mich in fünf Minuten an. | kämmen/kämmte Haar/Haare Minute/Minuten
Mein Wecker klingelte um sieben, aber ich blieb im Bett. | Wecker klingeln/klingelte bleiben/blieb Bett
Sonntags schlafen wir lange und frühstücken ausgiebig mit der ganzen Familie. | schlafen frühstücken ganz/ganzen Familie
Er las die Zeitung, während er seinen Kaffee trank. | lesen/las Zeitung Kaffee trinken/trank
Ich gieße jeden Morgen die Pflanzen auf dem Balkon. | gießen/gieße Morgen Pflanze/Pflanzen Balkon
Sie schloss die Tür ab und machte alle Lichter im Haus aus. | Tür Licht/Lichter Haus
Wir putzten die ganze Wohnung, bevor die Gäste kamen. | putzen/putzten ganz/ganze Wohnung Gast/Gäste kommen/kamen
Mein Bruder bringt jeden Montagabend den Müll hinaus. | Bruder Montagabend Müll
Ich hängte meinen Mantel an einen Haken hinter der Tür. | hängen/hängte Mantel Haken Tür
Sie machte ihr Bett und öffnete die Vorhänge. | machen/machte Bett öffnen/öffnete Vorhang/Vorhänge
# Verschiedenes
Die Feuerwehrleute retteten ein kleines Mädchen aus dem brennenden Haus. | Feuerwehrmann/Feuerwehrleute retten/retteten klein/kleines Mädchen brennen/brennenden Haus
Ein Dieb stahl meine Tasche, während ich im Café saß. | Dieb stehlen/stahl Tasche Café sitzen/saß
Die Polizei hat die Räuber in der Nähe der Grenze gefasst. | Polizei Räuber Nähe Grenze fassen/gefasst
Die Forscherin entdeckte im Dschungel eine neue Pflanzenart. | Forscherin entdecken/entdeckte Dschungel neu/neue Pflanzenart
Die alte Burg steht auf einem Hügel über dem Fluss. | alt/alte Burg stehen/steht Hügel Fluss
Die Soldaten marschierten in roten Uniformen am Palast vorbei. | Soldat/Soldaten rot/roten Uniform/Uniformen Palast
Mitten in der Nacht weckte uns ein seltsames Geräusch. | Nacht wecken/weckte seltsam/seltsames Geräusch
Der König hielt eine lange Rede vor seinem Volk. | König halten/hielt lang/lange Rede Volk
Die Kinder fanden auf dem Dachboden eine alte Landkarte. | Kind/Kinder finden/fanden Dachboden alt/alte Landkarte
Der Bauer fuhr mit seinem Traktor langsam den Feldweg entlang. | Bauer Traktor Feldweg
Das Boot sank, nachdem es gegen einen Felsen gestoßen war. | Boot sinken/sank Fels/Felsen stoßen/gestoßen
Der Postbote hat heute Morgen ein großes Paket gebracht. | Postbote Morgen groß/großes Paket bringen/gebracht
Die Lichter der Stadt glänzten auf dem dunklen Wasser. | Licht/Lichter Stadt glänzen/glänzten dunkel/dunklen Wasser
Die Journalistin schrieb einen Artikel über das neue Krankenhaus. | Journalistin schreiben/schrieb Artikel neu/neue Krankenhaus
Die Studenten protestierten gegen die höheren Studiengebühren. | Student/Studenten protestieren/protestierten hoch/höheren Studiengebühr/Studiengebühren
# Noch mehr Szenen
Sie fütterte die Katze und legte sich wieder ins Bett. | füttern/fütterte Katze legen/legte Bett
Meine Großeltern halten Hühner, Ziegen und einen faulen alten Esel. | Großeltern Huhn/Hühner Ziege/Ziegen faul/faulen alt/alten Esel
Ein starker Windstoß hat meinen Regenschirm zerbrochen. | stark/starker Windstoß Regenschirm zerbrechen/zerbrochen
Wir hängten eine Schaukel an den großen Baum im Garten. | hängen/hängten Schaukel groß/großen Baum Garten
Nach drei Tagen Regen stieg der Fluss sehr schnell. | Tag/Tagen Regen steigen/stieg Fluss
Er grub ein Loch und pflanzte einen Apfelbaum. | graben/grub Loch pflanzen/pflanzte Apfelbaum
Gestern traf ich im Zug einen alten Schulfreund. | treffen/traf Zug alt/alten Schulfreund
Der Kellner verschüttete Kaffee auf mein neues weißes Hemd. | Kellner verschütten/verschüttete Kaffee neu/neues weiß/weißes Hemd
Sie reparierten den tropfenden Wasserhahn im Badezimmer. | reparieren/reparierten tropfen/tropfenden Wasserhahn Badezimmer
Meine Mutter sang uns Lieder vor, als wir klein waren. | Mutter Lied/Lieder klein
Der Bauer trieb die Kühe zurück in den Stall. | Bauer Kuh/Kühe Stall
Wir ruderten mit dem kleinen Boot ans andere Ufer des Sees. | rudern/ruderten klein/kleinen Boot Ufer See/Sees
Die Lehrerin schrieb das Datum an die Tafel. | Lehrerin schreiben/schrieb Datum Tafel
Ein Junge fiel in den Fluss, und seine Freunde zogen ihn heraus. | Junge fallen/fiel Fluss Freund/Freunde
Ich biss in den Apfel und fand einen Wurm. | beißen/biss Apfel finden/fand Wurm
Sie wählte blaue Vorhänge für das Wohnzimmer. | wählen/wählte blau/blaue Vorhang/Vorhänge Wohnzimmer
Die Kinder bauten am Wasser eine Sandburg. | Kind/Kinder bauen/bauten Wasser Sandburg
Er gab sein ganzes Geld für eine lange Weltreise aus. | ganz/ganzes Geld lang/lange Weltreise
Die Rettungsschwimmerin holte den erschöpften Mann aus dem Wasser. | Rettungsschwimmerin holen/holte Mann Wasser
Die alte Dame saß auf der Bank und fütterte die Enten. | alt/alte Dame sitzen/saß Bank füttern/fütterte Ente/Enten
In der Ferne hörten wir die Kirchenglocken läuten. | Ferne hören/hörten Kirchenglocke/Kirchenglocken läuten
Der Wind rüttelte die ganze Nacht an den Fenstern. | Wind rütteln/rüttelte ganz/ganze Nacht Fenster/Fenstern
Mein Bruder hat mir beigebracht, Fahrrad zu fahren. | Bruder Fahrrad fahren
Die Schüler standen auf, als der Direktor in die Klasse kam. | Schüler Direktor Klasse kommen/kam
Sie verkaufte letzten Samstag ihre Bilder auf dem Markt. | verkaufen/verkaufte Samstag Bild/Bilder Markt
Ich fegte die Blätter vom Weg vor dem Haus. | fegen/fegte Blatt/Blätter Weg Haus
Der Hund schüttelte sich das Wasser aus dem Fell. | Hund schütteln/schüttelte Wasser Fell
In einer Schublade fanden wir alte Fotos unserer Großeltern. | Schublade finden/fanden alt/alte Foto/Fotos Großeltern
Die Katze stieß ein Glas vom Tisch. | Katze stoßen/stieß Glas Tisch
Sie rannten zum Bahnhof, aber der Zug war schon weg. | rennen/rannten Bahnhof Zug
Das Baby hat zum ersten Mal die ganze Nacht durchgeschlafen. | Baby ganz/ganze Nacht
Die Kinder fuhren mit ihren Fahrrädern am Strand entlang. | Kind/Kinder Fahrrad/Fahrrädern Strand
Ich schrieb meinen Namen oben auf die Seite. | schreiben/schrieb Name/Namen Seite
In der Nacht fiel ein Baum quer über die Straße. | Nacht fallen/fiel Baum Straße
Meine Mutter bewahrt alle unsere Briefe in einer alten Schachtel auf. | Mutter Brief/Briefe alt/alten Schachtel
Wir fuhren auf schmalen Straßen durch die Berge. | fahren/fuhren schmal/schmalen Straße/Straßen Berg/Berge
Die Mädchen lachten über die rote Nase des Clowns. | Mädchen lachen/lachten rot/rote Nase Clown/Clowns
Er schloss leise die Tür, um das Baby nicht zu wecken. | schließen/schloss Tür Baby wecken
Ein Fremder fragte mich nach dem Weg zum Bahnhof. | fragen/fragte Weg Bahnhof
Ich habe meinen Regenschirm schon wieder im Bus vergessen. | Regenschirm Bus vergessen
Das Eis auf dem See war dick genug, um darauf zu laufen. | Eis See dick laufen
Die Kinder versteckten sich hinter den Vorhängen und warteten. | Kind/Kinder verstecken/versteckten Vorhang/Vorhängen warten/warteten
Sie zerriss den Brief in kleine Stücke. | zerreißen/zerriss Brief klein/kleine Stück/Stücke
Der Maler stieg auf eine hohe Leiter, um die Decke zu erreichen. | Maler steigen/stieg hoch/hohe Leiter Decke erreichen
Die Jungen warfen Steine in den Fluss. | Junge/Jungen werfen/warfen Stein/Steine Fluss
Beim Überqueren der Straße hielt er seine Tochter an der Hand. | Straße halten/hielt Tochter Hand
# Fragen, Zukunft, Perfekt, verschiedene Zeiten
Hast du gestern Abend den Fuchs in unserem Garten gesehen? | Abend Fuchs Garten sehen/gesehen
Hast du schon einmal Schnecken in einem Restaurant gegessen? | Schnecke/Schnecken Restaurant essen/gegessen
Wo hast du diese schönen gelben Schuhe gekauft? | schön/schönen gelb/gelben Schuh/Schuhe kaufen/gekauft
Warum schreien die Kinder auf der Straße? | schreien Kind/Kinder Straße
Könntest du das Fenster schließen, bevor du gehst? | Fenster schließen gehen/gehst
Wer hat die ganze Milch aus dem Kühlschrank getrunken? | ganz/ganze Milch Kühlschrank trinken/getrunken
Wie lange wohnst du schon in dieser kleinen Stadt? | wohnen/wohnst klein/kleinen Stadt
Was für ein schöner Blick auf das Meer von deinem Balkon! | schön/schöner Blick Meer Balkon
Schau mal, wie das kleine Pferd über die Wiese rennt! | klein/kleine Pferd Wiese rennen/rennt
Im nächsten Frühling werden wir Tulpen entlang des Weges pflanzen. | Frühling Tulpe/Tulpen Weg/Weges pflanzen
Das neue Krankenhaus wird im Mai seine Türen öffnen. | neu/neue Krankenhaus Tür/Türen öffnen
Ich werde den Tag, an dem wir uns trafen, nie vergessen. | Tag treffen/trafen vergessen
Nächstes Wochenende werden sie das Schlafzimmer grün streichen. | Wochenende Schlafzimmer grün streichen
Sie hat drei Romane und einen Gedichtband geschrieben. | Roman/Romane Gedichtband schreiben/geschrieben
Der Brotpreis ist dieses Jahr schon wieder gestiegen. | Brotpreis Jahr steigen/gestiegen
Er unterrichtet seit dreißig Jahren Geschichte an derselben Schule. | unterrichten/unterrichtet Jahr/Jahren Geschichte Schule
Die Kinder sind seit letztem Sommer sehr gewachsen. | Kind/Kinder Sommer wachsen/gewachsen
Das Baby ist gerade in seinem warmen Bettchen eingeschlafen. | Baby warm/warmen Bettchen
Sie hatten schon zu Abend gegessen, als wir auf der großen Party ankamen. | essen/gegessen Abend groß/großen Party
Vor dieser Reise war sie noch nie mit einem Flugzeug geflogen. | Reise Flugzeug fliegen/geflogen
Als der Arzt kam, war das Fieber schon gesunken. | Arzt kommen/kam Fieber sinken/gesunken
Die Arbeiter gruben einen Tunnel unter dem Fluss. | Arbeiter graben/gruben Tunnel Fluss
Ich kochte gerade das Abendessen, als das Telefon klingelte. | kochen/kochte Abendessen Telefon klingeln/klingelte
Als wir aufwachten, sangen die Vögel in den Bäumen. | singen/sangen Vogel/Vögel Baum/Bäumen
Es regnete stark, als wir aus dem Kino kamen. | regnen/regnete Kino kommen/kamen
Die Schüler proben ein Theaterstück für das Ende des Schuljahres. | Schüler proben Theaterstück Ende Schuljahr/Schuljahres
Nach dem Frühlingsregen wächst das Gras sehr schnell. | Frühlingsregen wachsen/wächst Gras
Er schwimmt sogar im Winter im Meer. | schwimmen/schwimmt Winter Meer
Nachts scheint der Mond durch das Fenster meines Schlafzimmers. | scheinen/scheint Mond Fenster Schlafzimmer/Schlafzimmers
Meine Schwester bringt kleinen Kindern das Lesen und Schreiben bei. | Schwester klein/kleinen Kind/Kindern
Sie hat immer eine Flasche Wasser in ihrer Tasche. | Flasche Wasser Tasche
Die Fähre bringt Autos und Passagiere auf die Insel. | Fähre bringen/bringt Auto/Autos Passagier/Passagiere Insel
Die Bäckerei verkauft frühmorgens warme Brötchen. | Bäckerei verkaufen/verkauft warm/warme Brötchen
An Schultagen gehen die Kinder um acht Uhr ins Bett. | Schultag/Schultagen gehen Kind/Kinder Uhr Bett
Er weint jedes Mal, wenn er diesen traurigen Film sieht. | weinen/weint traurig/traurigen Film sehen/sieht
Der Uhrmacher an der Ecke repariert alte Uhren. | Uhrmacher Ecke reparieren/repariert alt/alte Uhr/Uhren
Meine Großmutter schreibt ihre Briefe immer noch mit der Hand. | Großmutter schreiben/schreibt Brief/Briefe Hand
Die hungrigen Wölfe folgten dem Hirsch durch den Schnee. | hungrig/hungrigen Wolf/Wölfe folgen/folgten Hirsch Schnee
Ein großer Mann in einem dunklen Mantel klopfte an unsere Tür. | groß/großer Mann dunkel/dunklen Mantel klopfen/klopfte Tür
Das kleine Kätzchen schlief friedlich auf meinem Schoß. | klein/kleine Kätzchen schlafen/schlief Schoß
Der mutige Feuerwehrmann trug das Kind aus dem Rauch. | mutig/mutige Feuerwehrmann tragen/trug Kind Rauch
Das schüchterne Mädchen sprach endlich mit seinen neuen Mitschülern. | schüchtern/schüchterne Mädchen sprechen/sprach neu/neuen Mitschüler/Mitschülern
Die lauten Nachbarn feierten bis drei Uhr morgens. | laut/lauten Nachbar/Nachbarn feiern/feierten Uhr
Die Wanderer schliefen in einer Hütte auf dem Berg. | Wanderer schlafen/schliefen Hütte Berg
Am Sonntagmorgen wirkten die leeren Straßen seltsam. | Sonntagmorgen wirken/wirkten leer/leeren Straße/Straßen seltsam
Wir nahmen die falsche Straße und kamen zwei Stunden zu spät an. | nehmen/nahmen falsch/falsche Straße Stunde/Stunden
Mein Mann schnarcht so laut, dass ich nicht schlafen kann. | Mann schnarchen/schnarcht schlafen
Der Arzt sagte ihm, er solle sich ein paar Tage ausruhen. | Arzt sagen/sagte Tag/Tage
Sie schickte das Paket am Montagmorgen mit der Post. | schicken/schickte Paket Montagmorgen Post
Wir verkauften Limonade an die Leute, die an unserem Haus vorbeigingen. | verkaufen/verkauften Limonade Leute Haus
Die Schüler hörten den Geschichten des alten Seemanns zu. | Schüler Geschichte/Geschichten alt/alten Seemann/Seemanns
Der Wind hat alle Blätter von den Bäumen geweht. | Wind Blatt/Blätter Baum/Bäumen wehen/geweht
Ich habe die Geschenke oben im Kleiderschrank versteckt. | Geschenk/Geschenke Kleiderschrank verstecken/versteckt
Sie hat einen Namen für ihren neuen Welpen ausgesucht. | Name/Namen neu/neuen Welpe/Welpen
Er fährt dieses alte Auto seit zwanzig Jahren. | fahren/fährt alt/alte Auto Jahr/Jahren
Hinter der Schule haben sie einen Spielplatz gebaut. | Schule Spielplatz bauen/gebaut
Die Schafe grasten friedlich am Hang des Hügels. | Schaf/Schafe grasen/grasten Hang Hügel/Hügels
Sobald die Ferien beginnen, fahren wir ans Meer. | Ferien beginnen fahren Meer
Sie bekam einen Brief von ihrem Bruder, der in Kanada lebt. | bekommen/bekam Brief Bruder leben/lebt
Die Apfelbäume im Obstgarten sind mit weißen Blüten bedeckt. | Apfelbaum/Apfelbäume Obstgarten weiß/weißen Blüte/Blüten bedecken/bedeckt
Mein Großvater erinnert sich an die Namen all seiner Schüler. | Großvater erinnern/erinnert Name/Namen Schüler
Gestern Abend sahen wir im Kino einen spannenden Film. | Abend sehen/sahen Kino spannend/spannenden Film
Der Gärtner schneidet die Rosen im Frühling zurück. | Gärtner Rose/Rosen Frühling
Er stellte die Milch in den Kühlschrank, damit sie frisch blieb. | stellen/stellte Milch Kühlschrank frisch bleiben/blieb
Die Kinder bemalten Eier in allen Farben. | Kind/Kinder bemalen/bemalten Ei/Eier Farbe/Farben
Sie verlor ihre Schlüssel, als sie dem Bus hinterherlief. | verlieren/verlor Schlüssel Bus
Der Nachbar mäht jeden Samstagmorgen seinen Rasen. | Nachbar mähen/mäht Samstagmorgen Rasen
Die alte Frau verkaufte vor der Kirche Blumen. | alt/alte Frau verkaufen/verkaufte Kirche Blume/Blumen
Diese Berge sind das ganze Jahr mit Schnee bedeckt. | Berg/Berge ganz/ganze Jahr Schnee bedecken/bedeckt
Der Junge kletterte auf den Baum, um Kirschen zu pflücken. | Junge klettern/kletterte Baum Kirsche/Kirschen pflücken
Wir warteten seit einer Stunde auf dem Bahnsteig auf den Zug. | warten/warteten Stunde Bahnsteig Zug
Zum Abendessen trinkt er immer ein Glas Rotwein. | Abendessen trinken/trinkt Glas Rotwein
Die Touristen machen Fotos vor dem Dom. | Tourist/Touristen machen Foto/Fotos Dom
Mein Hund schläft immer am Fußende meines Bettes. | Hund schlafen/schläft Fußende Bett/Bettes
Der Lehrer gab den Schülern die korrigierten Tests zurück. | Lehrer Schüler/Schülern korrigieren/korrigierten Test/Tests
Sie gewann den ersten Preis im Malwettbewerb. | gewinnen/gewann Preis Malwettbewerb
Am Strand aßen wir Pfannkuchen mit Zucker. | Strand essen/aßen Pfannkuchen Zucker
Die Schwäne glitten langsam über den zugefrorenen See. | Schwan/Schwäne gleiten/glitten See
Das Kind verschüttete seinen Orangensaft auf die Tischdecke. | Kind verschütten/verschüttete Orangensaft Tischdecke
Sie verkauften ihr altes Haus, um eine Wohnung in der Stadt zu kaufen. | verkaufen/verkauften alt/altes Haus Wohnung Stadt kaufen
Die schwarze Katze überquert jeden Abend zur gleichen Zeit die Straße. | schwarz/schwarze Katze überqueren/überquert Abend Zeit Straße
Seit drei Tagen lese ich einen spannenden Krimi. | Tag/Tagen lesen/lese spannend/spannenden Krimi
Die gelben Blätter fielen leise in den Garten. | gelb/gelben Blatt/Blätter fallen/fielen Garten
Meine Tante kocht eine leckere Suppe mit dem Gemüse aus ihrem Garten. | Tante kochen/kocht lecker/leckere Suppe Gemüse Garten
Er öffnete die Schachtel und fand einen alten Brief. | öffnen/öffnete Schachtel finden/fand alt/alten Brief
Die Kinder bauten im Wald eine Hütte. | Kind/Kinder bauen/bauten Wald Hütte
Das Geräusch des Regens auf dem Dach machte mich schläfrig. | Geräusch Regen/Regens Dach schläfrig
Sie kaufte auf dem Markt Erdbeeren und Kirschen. | kaufen/kaufte Markt Erdbeere/Erdbeeren Kirsche/Kirschen
Mein Onkel fing drei Forellen im Fluss. | Onkel fangen/fing Forelle/Forellen Fluss
Die Sänger verbeugten sich am Ende des Konzerts vor dem Publikum. | Sänger verbeugen/verbeugten Ende Konzert/Konzerts Publikum
Die Sonne schien, und im Park sangen die Vögel. | Sonne scheinen/schien Park singen/sangen Vogel/Vögel
Wir stellten die Bücher in die Regale im Wohnzimmer. | stellen/stellten Buch/Bücher Regal/Regale Wohnzimmer
# Zusätzlich
Der junge Bauer verkaufte auf dem Dorfmarkt frische Eier und Käse. | jung/junge Bauer verkaufen/verkaufte Dorfmarkt frisch/frische Ei/Eier Käse
Meine Großmutter zog Duftwicken an der alten Steinmauer. | Großmutter ziehen/zog Duftwicke/Duftwicken alt/alten Steinmauer
Die müden Kinder schliefen auf dem Rücksitz des Autos. | müde/müden Kind/Kinder schlafen/schliefen Rücksitz Auto/Autos
Zwei kleine Jungen ließen über den Dünen einen roten Drachen fliegen. | klein/kleine Junge/Jungen Düne/Dünen rot/roten Drachen fliegen
Die mutigen Seeleute steuerten das beschädigte Schiff in eine ruhige Bucht. | mutig/mutigen Seemann/Seeleute steuern/steuerten Schiff ruhig/ruhige Bucht
Meine Nachbarin backt Brot und teilt es mit der ganzen Straße. | Nachbarin backen/backt Brot teilen/teilt ganz/ganzen Straße
Die Schüler malten ein riesiges buntes Bild an die Wand der Schule. | Schüler malen/malten riesig/riesiges bunt/buntes Bild Wand Schule
Ein hungriger Fuchs schlich in den Garten und stahl ein Huhn. | hungrig/hungriger Fuchs schleichen/schlich Garten stehlen/stahl Huhn
Der alte Fischer flickte seine Netze an der ruhigen Hafenmauer. | alt/alte Fischer flicken/flickte Netz/Netze ruhig/ruhigen Hafenmauer
Sie schrieb ein kurzes Gedicht über den ersten Schnee des Winters. | schreiben/schrieb kurz/kurzes Gedicht Schnee Winter/Winters
Das kluge Mädchen löste das schwierige Rätsel in zehn Minuten. | klug/kluge Mädchen lösen/löste schwierig/schwierige Rätsel Minute/Minuten
Unsere Katze warf die grüne Vase vom Küchenregal. | Katze werfen/warf grün/grüne Vase Küchenregal
Der freundliche Arzt untersuchte das kranke Kind sehr gründlich. | freundlich/freundliche Arzt untersuchen/untersuchte krank/kranke Kind
Die fleißigen Bienen flogen von Blüte zu Blüte über die bunte Wiese. | fleißig/fleißigen Biene/Bienen fliegen/flogen bunt/bunte Wiese
Der kleine Hund wartete geduldig vor der Tür der Bäckerei. | klein/kleine Hund warten/wartete Tür Bäckerei
Meine Kollegin fährt jeden Morgen mit dem Fahrrad durch den großen Park. | Kollegin fahren/fährt Morgen Fahrrad groß/großen Park
Im Winter füttern die Kinder die Vögel mit Körnern und Nüssen. | Winter füttern Kind/Kinder Vogel/Vögel Korn/Körnern Nuss/Nüssen
Der alte Lehrer erzählte spannende Geschichten über fremde Länder. | alt/alte Lehrer erzählen/erzählte spannend/spannende Geschichte/Geschichten fremd/fremde Land/Länder
""",
}

WORD = re.compile(r"\w+(?:-\w+)*")


def words(sentence: str) -> list[str]:
    """The sentence's words in lower case; apostrophes split ("l'école" -> "l", "école")."""
    return [w.lower() for w in WORD.findall(sentence.replace("'", " "))]


def parse(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The language's sentences with their annotated (lemma, form) pairs, checked."""
    rows = []
    for line in unicodedata.normalize("NFC", SENTENCES[lang]).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        sentence, sep, annotation = line.partition(" | ")
        pairs = [(p.split("/")[0], p.split("/")[-1]) for p in annotation.split()]
        _check(lang, sentence, pairs, sep)
        rows.append((sentence, pairs))
    if len({s for s, _ in rows}) != len(rows):
        raise ValueError(f"{lang}: a sentence is listed twice")
    return rows


def _check(lang: str, sentence: str, pairs: list[tuple[str, str]], sep: str) -> None:
    """Refuse a table line that would make a bad item (the tests check the output again, independently)."""
    ws = words(sentence)
    problems = []
    if not sep or len(pairs) < min(SIZES):
        problems.append(f"needs at least {min(SIZES)} annotated words")
    if not re.search(r"[.!?]$", sentence) or re.search(r"[.!?]", sentence.rstrip(".!? ")):
        problems.append("must be one sentence ending with . ! or ?")
    if not MIN_WORDS <= len(ws) <= MAX_WORDS:
        problems.append(f"{len(ws)} words")
    if len({lemma.lower() for lemma, _ in pairs}) != len(pairs):
        problems.append("a lemma is annotated twice")
    for lemma, form in pairs:
        if ws.count(form.lower()) != 1:
            problems.append(f"{form!r} must occur exactly once")
        if lemma != form and lemma.lower() in ws:
            problems.append(f"{lemma!r} occurs beside {form!r}")
        if lang != "de" and lemma != lemma.lower():
            problems.append(f"{lemma!r}: lower case outside German")
    if problems:
        raise ValueError(f"{lang}: {sentence!r}: {'; '.join(problems)}")


def _sizes(capacities: list[int], rng: random.Random) -> list[int]:
    """A number of concepts per sentence, as close to SIZES as the sentences allow: larger sets go to sentences
    that have enough annotated words, in a seeded order."""
    n, sizes = len(capacities), [min(SIZES)] * len(capacities)
    order = list(range(n))
    rng.shuffle(order)
    for k in sorted(SIZES, reverse=True)[:-1]:
        quota = round(SIZES[k] * n)
        for i in order:
            if quota and sizes[i] == min(SIZES) and capacities[i] >= k:
                sizes[i] = k
                quota -= 1
    return sizes


def _concepts(sentence: str, pairs: list[tuple[str, str]], k: int, rng: random.Random) -> list[str]:
    """k annotated lemmas (inflected forms likelier), in an order that is not the sentence's."""
    weights = [INFLECTED_WEIGHT if lemma != form else 1 for lemma, form in pairs]
    keyed = sorted(((rng.random() ** (1 / w), i) for i, w in enumerate(weights)), reverse=True)
    chosen = [pairs[i] for _, i in keyed[:k]]  # weighted sampling without replacement
    ws = words(sentence)
    in_sentence = [lemma for lemma, form in sorted(chosen, key=lambda p: ws.index(p[1].lower()))]
    shuffled = list(in_sentence)
    while shuffled == in_sentence:
        rng.shuffle(shuffled)
    return shuffled


def interleave(groups: dict[str, list[dict]]) -> list[dict]:
    out, n = [], max(len(g) for g in groups.values())
    for i in range(n):
        for lang in sorted(groups):
            if i < len(groups[lang]):
                out.append(groups[lang][i])
    return out


def build() -> dict[str, list[dict]]:
    """The rows of each split, with ids, in file order."""
    rng = random.Random(SEED)
    splits: dict[str, dict[str, list[dict]]] = {"test": {}, "train": {}}
    for lang in sorted(SENTENCES):
        rows = parse(lang)
        rng.shuffle(rows)
        for name, part in (("test", rows[:TEST_SENTENCES]), ("train", rows[TEST_SENTENCES:])):
            sizes = _sizes([len(pairs) for _, pairs in part], rng)
            splits[name][lang] = [
                {"lang": lang, "concepts": _concepts(s, pairs, k, rng), "reference": s}
                for (s, pairs), k in zip(part, sizes, strict=True)
            ]
    test_sets = {frozenset(r["concepts"]) for rows in splits["test"].values() for r in rows}
    for rows in splits["train"].values():
        for r in rows:
            if frozenset(r["concepts"]) in test_sets:
                raise ValueError(f"train item {r['reference']!r} has a test concept set: change SEED or the item")
    out = {}
    for name in ("train", "test"):
        rows, counters = [], {}
        for row in interleave(splits[name]):
            counters[row["lang"]] = counters.get(row["lang"], 0) + 1
            rows.append({"id": f"kw-{name}-{row['lang']}-{counters[row['lang']]:04d}", **row})
        out[name] = rows
    return out


def write(out_dir: Path = OUT) -> dict[str, list[dict]]:
    """Write train.jsonl and test.jsonl under out_dir; returns the rows."""
    splits = build()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        with open(out_dir / f"{name}.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return splits


def main() -> None:
    splits = write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    for name, rows in splits.items():
        langs, sizes = {}, {}
        for r in rows:
            langs[r["lang"]] = langs.get(r["lang"], 0) + 1
            sizes[len(r["concepts"])] = sizes.get(len(r["concepts"]), 0) + 1
        print(f"{name}: {len(rows)} items, by language {dict(sorted(langs.items()))}, "
              f"by number of concepts {dict(sorted(sizes.items()))}")


if __name__ == "__main__":
    main()
