"""Make data/gec/{train,test}.jsonl: multilingual grammatical error correction, reproducibly.

Clean sentences written for this project (English, French, Spanish, German; present, past, perfect and future;
every person; everyday topics) get typical learner errors injected by small rules, one rule family per error
type: agreement, tense (verb forms), articles, plurals, prepositions, dropped accents, word order, German noun
capitalisation. Each item records the families injected in `errors` (empty when the item is already correct),
and a `rationale` written from the rules that made it (not by a model): for training with rationales.
The split is by sentence, so no test sentence (correct or not) is seen in training.

    python data/make_gec.py [OUT_DIR]        # default: data/gec
"""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from pathlib import Path

SEED = 13
OUT = Path(__file__).resolve().parent / "gec"
TEST_SENTENCES = 12  # per language
WRONG_VARIANTS = 4  # per sentence, beside the one already-correct item
TWO_ERRORS = 0.25  # share of wrong items with two injected errors

SENTENCES = {
    "en": [
        # present
        "She goes to school every day.", "My brother works in a big hospital.",
        "The children are playing in the garden.",
        "There are many books on the shelf.", "The weather is very cold today.",
        "She doesn't like coffee in the morning.",
        "We are waiting for the bus.", "He speaks English very well.", "The shop opens at nine o'clock.",
        "My sister is taller than me.", "The cat is sleeping on the sofa.", "I usually cook dinner at seven.",
        "We need three eggs for the cake.", "The train arrives in ten minutes.",
        "Those shoes are too expensive.",
        "She has two children.", "I am interested in history.", "My friend lives near the station.",
        "He is good at mathematics.", "The children like ice cream.",
        "My father drives to work every morning.",
        "The museum is closed on Mondays.", "I am reading an interesting book.", "I am very tired.",
        "You look happy today.", "Our neighbours have two dogs and a cat.",
        "She plays the piano every evening after dinner.", "Do you know where the library is?",
        "They are building a new school in our town.", "The baby is sleeping in her room.",
        "My grandmother tells us stories every night.", "You should wear a coat because it is cold outside.",
        "The students are learning French at school.", "My uncle has a farm with many cows.",
        "The river flows through the centre of the town.", "She teaches biology at a university in Scotland.",
        "You can borrow my bicycle if you want.", "The flowers in the garden are beautiful in spring.",
        "My cousin is studying medicine in Dublin.", "He always takes the bus to work.",
        "The man in the blue jacket is my teacher.", "The new computer works much faster than the old one.",
        "You are right about the price.", "The boys are swimming in the lake.",
        "My mother makes bread every Saturday.",
        "The shops in the city centre close at six.", "She wants to become a doctor.",
        "Her brother plays football for a local team.", "I have two sisters and one brother.",
        "The bread in this bakery is very fresh.", "He is writing an email to his boss.",
        "The farmers are working in the fields.", "I usually read the news on my phone.",
        "The old woman feeds the birds every morning.", "The nurses work long hours at the hospital.",
        "You need an umbrella today.", "The village has a church, a school and two shops.",
        "I am going to visit my grandparents this weekend.", "The book is on the table in the living room.",
        # past
        "We went to the beach last summer.", "I bought two apples and a banana.",
        "They were watching a film when I arrived.", "My parents visited me yesterday.",
        "He didn't go to work on Monday.", "They moved to a new house in May.",
        "The students finished their exams.",
        "It rained all day on Sunday.", "We walked to the park after lunch.",
        "The women were talking in the kitchen.",
        "She bought a new dress for the party.", "We stayed at a small hotel by the sea.",
        "He forgot his keys at home.", "I was born in a small village near the mountains.",
        "They built a new bridge over the river last year.", "The doctor told me to drink more water.",
        "I didn't understand the question.", "The company opened a new office in Berlin.",
        "He broke his leg while he was skiing.", "She was reading a newspaper in the garden.",
        "We ate fish and chips at the harbour.", "I found a wallet on the street.",
        "The dogs were barking all night.",
        "They lost the match because two players were ill.",
        "The children wrote letters to their grandparents.",
        "I drank a cup of tea before the meeting.", "He sold his car last month.",
        "We were sitting in the park when it started to rain.", "They listened to music all afternoon.",
        "We took many photos during our holiday.", "My keys were in my pocket all the time.",
        "She sang a song at her sister's wedding.", "He was very angry with his son.",
        "I saw an elephant at the zoo.",
        "My friends and I went to a concert on Saturday night.", "He carried the heavy boxes up the stairs.",
        "Our team won the final last night.",
        # perfect
        "He has lived in London for three years.", "I have never been to Japan.",
        "They have already eaten their lunch.", "She has just finished her homework.",
        "You have forgotten your umbrella again.",
        "He has written three books about the history of the city.",
        "We have been friends since we were children.", "He has never seen the sea.",
        "We have painted the kitchen yellow.", "I have lost my phone.",
        "She has visited many countries in Asia.",
        "They have lived in this village for twenty years.", "The teacher has corrected all our tests.",
        "They have opened a new restaurant near the station.",
        "We have already booked the tickets for the concert.",
        "She has been ill since Tuesday.", "The price of vegetables has gone up this year.",
        # future
        "I will call you tomorrow morning.", "We will travel to Spain next month.",
        "He will start a new job in September.", "We will meet our friends at the restaurant on Friday.",
        "I will send you the documents tomorrow.", "They will arrive at the airport at six o'clock.",
        "We will paint the house next summer.", "I will learn to drive next year.",
        "You will love this film.",
        "It will snow in the mountains tonight.", "They will finish the project before the end of the year.",
        # longer ones
        "When I was a child, my family spent every summer in a small house near the lake.",
        "If it doesn't rain tomorrow, we will take the children to the zoo in the afternoon.",
        "My sister has been working at the same bank in the city centre for more than ten years.",
        "Last week our teacher asked us to write a short story about a person we admire.",
        "The new library, which opened in March, has a large room where children can read and play.",
        "Before they moved to Canada, they sold their car and gave most of their furniture to friends.",
    ],
    "fr": [
        # présent
        "Je vais à l'école tous les jours.", "Mon frère travaille dans un grand hôpital.",
        "Les enfants jouent dans le jardin.", "Elle habite à Paris depuis trois ans.",
        "Il y a beaucoup de livres sur l'étagère.", "Il fait très froid aujourd'hui.",
        "Elle n'aime pas le café le matin.", "Nous attendons le bus.", "Il parle très bien anglais.",
        "Le magasin ouvre à neuf heures.", "Ma sœur est plus grande que moi.", "Le chat dort sur le canapé.",
        "Je prépare le dîner à sept heures.", "Nous avons besoin de trois œufs.",
        "Le train arrive dans dix minutes.",
        "Ces chaussures sont trop chères.", "Elle a deux enfants.", "Mon ami habite près de la gare.",
        "Les enfants aiment la glace.", "Mon père va au travail en voiture.", "Le musée est fermé le lundi.",
        "Je lis un livre intéressant.", "La voiture de mon voisin est rouge.",
        "Le petit garçon mange une pomme.",
        "Je suis très fatigué.", "Tu as l'air content aujourd'hui.",
        "Nos voisins ont deux chiens et un chat.",
        "Elle joue du piano tous les soirs après le dîner.", "Sais-tu où se trouve la bibliothèque ?",
        "Ils construisent une nouvelle école dans notre ville.", "Le bébé dort dans sa chambre.",
        "Ma grand-mère nous raconte des histoires tous les soirs.", "Nous sommes amis depuis notre enfance.",
        "Tu devrais mettre un manteau parce qu'il fait froid dehors.",
        "Les élèves apprennent l'anglais à l'école.",
        "Mon oncle a une ferme avec beaucoup de vaches.", "La rivière traverse le centre de la ville.",
        "Elle enseigne la biologie dans une université à Genève.", "Tu peux emprunter mon vélo si tu veux.",
        "Les fleurs du jardin sont belles au printemps.", "Ma cousine étudie la médecine à Montréal.",
        "Il prend toujours le bus pour aller au travail.", "L'homme à la veste bleue est mon professeur.",
        "Ils habitent dans ce village depuis vingt ans.",
        "Le nouvel ordinateur est beaucoup plus rapide que l'ancien.", "Vous avez raison pour le prix.",
        "Les garçons nagent dans le lac.", "Ma mère fait du pain tous les samedis.",
        "Les magasins du centre-ville ferment à six heures.", "Elle veut devenir médecin.",
        "Son frère joue au football dans une équipe locale.", "J'ai deux sœurs et un frère.",
        "Le pain de cette boulangerie est très frais.", "Il écrit un courriel à son patron.",
        "Les agriculteurs travaillent dans les champs.", "Je lis souvent les nouvelles sur mon téléphone.",
        "La vieille dame nourrit les oiseaux chaque matin.",
        "Les infirmières travaillent beaucoup à l'hôpital.",
        "Tu as besoin d'un parapluie aujourd'hui.", "Le village a une église, une école et deux magasins.",
        "Elle est malade depuis mardi.", "Le téléphone est sur la table du salon.",
        # passé
        "Nous sommes allés à la plage l'été dernier.", "J'ai acheté deux pommes et une banane.",
        "Mes parents sont venus hier.", "Je ne suis jamais allé au Japon.",
        "Ils ont déménagé dans une nouvelle maison.", "Les étudiants ont fini leurs examens.",
        "Il a plu toute la journée.", "Nous avons mangé une pizza délicieuse.",
        "Les femmes parlaient dans la cuisine.", "Elle a acheté une nouvelle robe.",
        "Il a oublié ses clés à la maison.", "Nous sommes arrivés en retard à la réunion.",
        "Tu as vu mes lunettes ?",
        "Elles sont parties très tôt ce matin.", "J'ai rencontré mes amis au café.",
        "Ils ont déjà mangé leur déjeuner.", "Elle vient de finir ses devoirs.",
        "Je suis né dans un petit village près des montagnes.", "Tu as encore oublié ton parapluie.",
        "Ils ont construit un nouveau pont sur la rivière l'année dernière.",
        "Le médecin m'a dit de boire plus d'eau.",
        "Il a écrit trois livres sur l'histoire de la ville.", "Je n'ai pas compris la question.",
        "L'entreprise a ouvert un nouveau bureau à Lyon.", "Il s'est cassé la jambe en faisant du ski.",
        "Elle lisait le journal dans le jardin.", "Nous avons mangé du poisson au port.",
        "Il n'a jamais vu la mer.",
        "J'ai trouvé un portefeuille dans la rue.", "Les chiens ont aboyé toute la nuit.",
        "Nous avons peint la cuisine en jaune.",
        "Ils ont perdu le match parce que deux joueurs étaient malades.",
        "J'ai perdu mon téléphone.", "Les enfants ont écrit des lettres à leurs grands-parents.",
        "Elle a visité beaucoup de pays en Asie.", "J'ai bu une tasse de thé avant la réunion.",
        "Il a vendu sa voiture le mois dernier.",
        "Nous étions assis dans le parc quand il a commencé à pleuvoir.",
        "Le professeur a corrigé tous nos examens.", "Ils ont écouté de la musique tout l'après-midi.",
        "Nous avons pris beaucoup de photos pendant nos vacances.",
        "Mes clés étaient dans ma poche depuis le début.",
        "Elle a chanté une chanson au mariage de sa sœur.",
        "Ils ont ouvert un nouveau restaurant près de la gare.",
        "Nous avons déjà réservé les billets pour le concert.", "Il était très en colère contre son fils.",
        "J'ai vu un éléphant au zoo.", "Mes amis et moi sommes allés à un concert samedi soir.",
        "Le prix des légumes a augmenté cette année.", "Il a monté les lourdes boîtes au deuxième étage.",
        "Notre équipe a gagné la finale hier soir.",
        # futur
        "Je t'appellerai demain matin.", "Nous voyagerons en Espagne le mois prochain.",
        "Il commencera un nouveau travail en septembre.",
        "Nous retrouverons nos amis au restaurant vendredi.",
        "Je t'enverrai les documents demain.", "Ils arriveront à l'aéroport à six heures.",
        "Nous peindrons la maison l'été prochain.", "J'apprendrai à conduire l'année prochaine.",
        "Vous allez adorer ce film.", "Il neigera dans les montagnes cette nuit.",
        "Ils finiront le projet avant la fin de l'année.",
        "Je vais rendre visite à mes grands-parents ce week-end.",
        # phrases plus longues
        "Quand j'étais enfant, ma famille passait tous les étés dans une petite maison près du lac.",
        "S'il ne pleut pas demain, nous emmènerons les enfants au zoo dans l'après-midi.",
        "Ma sœur travaille dans la même banque du centre-ville depuis plus de dix ans.",
        "La semaine dernière, notre professeur nous a demandé d'écrire une courte histoire sur une "
        "personne que nous admirons.",
        "La nouvelle bibliothèque, qui a ouvert en mars, a une grande salle où les enfants peuvent lire "
        "et jouer.",
        "Avant de partir au Canada, ils ont vendu leur voiture et donné leurs meubles à des amis.",
    ],
    "es": [
        # presente
        "Voy a la escuela todos los días.", "Mi hermano trabaja en un hospital grande.",
        "Los niños juegan en el jardín.", "Ella vive en Madrid desde hace tres años.",
        "Hay muchos libros en la estantería.", "Hoy hace mucho frío.",
        "A ella no le gusta el café por la mañana.",
        "Estamos esperando el autobús.", "Él habla muy bien inglés.", "La tienda abre a las nueve.",
        "Mi hermana es más alta que yo.", "El gato duerme en el sofá.", "Preparo la cena a las siete.",
        "Necesitamos tres huevos para el pastel.", "El tren llega en diez minutos.",
        "Esos zapatos son demasiado caros.", "Ella tiene dos hijos.", "Mi amigo vive cerca de la estación.",
        "A los niños les gusta el helado.", "Mi padre va al trabajo en coche.",
        "El museo está cerrado los lunes.",
        "Estoy leyendo un libro interesante.", "El coche de mi vecino es rojo.",
        "El niño pequeño come una manzana.",
        "Estoy muy cansado.", "Pareces muy contento hoy.", "Nuestros vecinos tienen dos perros y un gato.",
        "Ella toca el piano todas las tardes después de cenar.", "¿Sabes dónde está la biblioteca?",
        "Están construyendo una escuela nueva en nuestro pueblo.", "Mi sobrino duerme en su habitación.",
        "Mi abuela nos cuenta historias todas las noches.", "Somos amigos desde que éramos niños.",
        "Deberías llevar un abrigo porque hace frío fuera.", "Los alumnos aprenden francés en la escuela.",
        "Mi tío tiene una granja con muchas vacas.", "El río atraviesa el centro de la ciudad.",
        "Ella enseña biología en una universidad de Valencia.", "Puedes usar mi bicicleta si quieres.",
        "Las flores del jardín son preciosas en primavera.", "Mi prima estudia medicina en Barcelona.",
        "Él siempre toma el autobús para ir al trabajo.", "El hombre de la chaqueta azul es mi profesor.",
        "Viven en este pueblo desde hace veinte años.",
        "El ordenador nuevo es mucho más rápido que el viejo.",
        "Usted tiene razón sobre el precio.", "Los chicos nadan en el lago.",
        "Mi madre hace pan todos los sábados.",
        "Las tiendas del centro cierran a las seis.", "Ella quiere ser médica.",
        "Su hermano juega al fútbol en un equipo local.", "Tengo dos hermanas y un hermano.",
        "El pan de esta panadería es muy fresco.", "Él está escribiendo un correo a su jefe.",
        "Los agricultores trabajan en el campo.", "Normalmente leo las noticias en el móvil.",
        "La anciana da de comer a los pájaros cada mañana.",
        "Las enfermeras trabajan muchas horas en el hospital.",
        "Necesitas un paraguas hoy.", "El pueblo tiene una iglesia, una escuela y dos tiendas.",
        "Ella está enferma desde el martes.", "El libro está en la mesa del salón.",
        "Voy a visitar a mis abuelos este fin de semana.",
        # pasado
        "Fuimos a la playa el verano pasado.", "Compré dos manzanas y un plátano.",
        "Mis padres vinieron ayer.",
        "Se mudaron a una casa nueva.", "Los estudiantes terminaron sus exámenes.", "Llovió todo el día.",
        "Comimos una pizza deliciosa.", "Las mujeres hablaban en la cocina.", "Ella compró un vestido nuevo.",
        "Olvidó las llaves en casa.", "Llegamos tarde a la reunión.",
        "Ellas salieron muy temprano esta mañana.",
        "Conocí a mis amigos en el café.", "Nací en un pueblo pequeño cerca de las montañas.",
        "Construyeron un puente nuevo sobre el río el año pasado.", "El médico me dijo que bebiera más agua.",
        "No entendí la pregunta.", "La empresa abrió una oficina nueva en Sevilla.",
        "Se rompió la pierna mientras esquiaba.", "Ella leía el periódico en el jardín.",
        "Comimos pescado en el puerto.", "Encontré una cartera en la calle.",
        "Los perros ladraron toda la noche.",
        "Perdieron el partido porque dos jugadores estaban enfermos.",
        "Los niños escribieron cartas a sus abuelos.", "Bebí una taza de té antes de la reunión.",
        "Vendió su coche el mes pasado.", "Estábamos sentados en el parque cuando empezó a llover.",
        "Escucharon música toda la tarde.", "Hicimos muchas fotos durante las vacaciones.",
        "Mis llaves estaban en mi bolsillo todo el tiempo.",
        "Ella cantó una canción en la boda de su hermana.",
        "Él estaba muy enfadado con su hijo.", "Vi un elefante en el zoo.",
        "Mis amigos y yo fuimos a un concierto el sábado por la noche.",
        "Él subió las cajas pesadas al segundo piso.",
        "Nuestro equipo ganó el partido anoche.",
        # perfecto
        "Nunca he estado en Japón.", "¿Has visto mis gafas?", "Ya han terminado el almuerzo.",
        "Ella acaba de terminar sus deberes.", "Has olvidado otra vez tu paraguas.",
        "Él ha escrito tres libros sobre la historia de la ciudad.", "Él nunca ha visto el océano.",
        "Hemos pintado la cocina de amarillo.", "He perdido mi teléfono.",
        "Ella ha visitado muchos países de Asia.",
        "La profesora ha corregido todos nuestros exámenes.",
        "Han abierto un restaurante nuevo cerca de la estación.",
        "Ya hemos reservado las entradas para el concierto.", "El precio de las verduras ha subido este año.",
        # futuro
        "Te llamaré mañana por la mañana.", "Viajaremos a España el mes que viene.",
        "Él empezará un trabajo nuevo en septiembre.",
        "Veremos a nuestros amigos en el restaurante el viernes.",
        "Te enviaré los documentos mañana.", "Llegarán al aeropuerto a las seis.",
        "Pintaremos la casa el próximo verano.", "Aprenderé a conducir el año que viene.",
        "Te va a encantar esta película.", "Esta noche nevará en las montañas.",
        "Terminarán el proyecto antes de fin de año.",
        # frases más largas
        "Cuando era niño, mi familia pasaba todos los veranos en una casa pequeña cerca del lago.",
        "Si no llueve mañana, llevaremos a los niños al zoo por la tarde.",
        "Mi hermana trabaja en el mismo banco del centro de la ciudad desde hace más de diez años.",
        "La semana pasada, nuestra profesora nos pidió que escribiéramos un cuento corto sobre una "
        "persona que admiramos.",
        "La nueva biblioteca, que abrió en marzo, tiene una sala grande donde los niños pueden leer y jugar.",
        "Antes de mudarse a Canadá, vendieron su coche y regalaron casi todos sus muebles a unos amigos.",
    ],
    "de": [
        # Präsens
        "Ich gehe jeden Tag zur Schule.", "Mein Bruder arbeitet in einem großen Krankenhaus.",
        "Die Kinder spielen im Garten.", "Sie wohnt seit drei Jahren in Berlin.",
        "Es gibt viele Bücher im Regal.",
        "Heute ist es sehr kalt.", "Sie trinkt morgens keinen Kaffee.", "Wir warten auf den Bus.",
        "Er spricht sehr gut Englisch.", "Der Laden öffnet um neun Uhr.",
        "Meine Schwester ist größer als ich.",
        "Die Katze schläft auf dem Sofa.", "Ich koche um sieben Uhr das Abendessen.",
        "Wir brauchen drei Eier für den Kuchen.", "Der Zug kommt in zehn Minuten.",
        "Diese Schuhe sind zu teuer.",
        "Sie hat zwei Kinder.", "Mein Freund wohnt in der Nähe des Bahnhofs.", "Die Kinder mögen Eis.",
        "Mein Vater fährt mit dem Auto zur Arbeit.", "Das Museum ist montags geschlossen.",
        "Ich lese ein interessantes Buch.", "Das Auto meines Nachbarn ist rot.",
        "Er spielt jeden Tag Fußball.",
        "Der kleine Junge isst einen Apfel.", "Ich bin sehr müde.", "Du siehst heute glücklich aus.",
        "Unsere Nachbarn haben zwei Hunde und eine Katze.", "Sie spielt jeden Abend nach dem Essen Klavier.",
        "Weißt du, wo die Bibliothek ist?", "Sie bauen eine neue Schule in unserer Stadt.",
        "Das Baby schläft in seinem Zimmer.", "Meine Großmutter erzählt uns jeden Abend Geschichten.",
        "Wir kennen uns seit unserer Kindheit.",
        "Du solltest einen Mantel anziehen, weil es draußen kalt ist.",
        "Die Schüler lernen in der Schule Französisch.", "Mein Onkel hat einen Bauernhof mit vielen Kühen.",
        "Der Fluss fließt durch die Mitte der Stadt.",
        "Sie unterrichtet Biologie an einer Universität in Wien.",
        "Du kannst mein Fahrrad nehmen, wenn du willst.",
        "Die Blumen im Garten sind im Frühling wunderschön.",
        "Meine Cousine studiert Medizin in München.", "Er fährt immer mit dem Bus zur Arbeit.",
        "Der Mann mit der blauen Jacke ist mein Lehrer.", "Sie wohnen seit zwanzig Jahren in diesem Dorf.",
        "Der neue Computer ist viel schneller als der alte.", "Du hast recht mit dem Preis.",
        "Die Jungen schwimmen im See.", "Meine Mutter backt jeden Samstag Brot.",
        "Die Geschäfte in der Innenstadt schließen um sechs Uhr.", "Sie möchte Ärztin werden.",
        "Ihr Bruder spielt in einem kleinen Verein Fußball.", "Ich habe zwei Schwestern und einen Bruder.",
        "Das Brot aus dieser Bäckerei ist sehr frisch.", "Er schreibt seinem Chef eine E-Mail.",
        "Die Bauern arbeiten auf den Feldern.", "Ich lese die Nachrichten meistens auf meinem Handy.",
        "Die alte Frau füttert jeden Morgen die Vögel.",
        "Die Krankenschwestern arbeiten viele Stunden im Krankenhaus.",
        "Du brauchst heute einen Regenschirm.", "Das Dorf hat eine Kirche, eine Schule und zwei Geschäfte.",
        "Sie ist seit Dienstag krank.", "Das Buch liegt auf dem Tisch im Wohnzimmer.",
        "Ich besuche am Wochenende meine Großeltern.", "Ich rufe dich morgen früh an.",
        "Ich schicke dir morgen die Unterlagen.",
        # Vergangenheit
        "Wir sind letzten Sommer an den Strand gefahren.", "Ich habe zwei Äpfel und eine Banane gekauft.",
        "Meine Eltern sind gestern gekommen.", "Ich war noch nie in Japan.",
        "Sie sind in ein neues Haus gezogen.",
        "Die Studenten haben ihre Prüfungen beendet.", "Es hat den ganzen Tag geregnet.",
        "Wir haben eine leckere Pizza gegessen.", "Die Frauen sprachen in der Küche.",
        "Sie hat ein neues Kleid gekauft.", "Er hat seine Schlüssel zu Hause vergessen.",
        "Wir sind zu spät zum Treffen gekommen.", "Hast du meine Brille gesehen?",
        "Ich habe meine Freunde im Café getroffen.", "Sie haben schon zu Mittag gegessen.",
        "Sie hat gerade ihre Hausaufgaben gemacht.",
        "Ich bin in einem kleinen Dorf in der Nähe der Berge geboren.",
        "Du hast schon wieder deinen Regenschirm vergessen.",
        "Letztes Jahr haben sie eine neue Brücke über den Fluss gebaut.",
        "Der Arzt hat mir gesagt, dass ich mehr Wasser trinken soll.",
        "Er hat drei Bücher über die Geschichte der Stadt geschrieben.",
        "Ich habe die Frage nicht verstanden.",
        "Die Firma hat ein neues Büro in Hamburg eröffnet.", "Er hat sich beim Skifahren das Bein gebrochen.",
        "Sie las im Garten die Zeitung.", "Wir haben am Hafen Fisch gegessen.",
        "Er hat noch nie das Meer gesehen.",
        "Ich habe auf der Straße eine Geldbörse gefunden.", "Die Hunde haben die ganze Nacht gebellt.",
        "Wir haben die Küche gelb gestrichen.",
        "Sie haben das Spiel verloren, weil zwei Spieler krank waren.",
        "Ich habe mein Handy verloren.", "Die Kinder haben ihren Großeltern Briefe geschrieben.",
        "Sie hat viele Länder in Asien besucht.", "Ich habe vor der Besprechung eine Tasse Tee getrunken.",
        "Er hat letzten Monat sein Auto verkauft.", "Wir saßen im Park, als es anfing zu regnen.",
        "Der Lehrer hat alle unsere Tests korrigiert.", "Sie haben den ganzen Nachmittag Musik gehört.",
        "Wir haben im Urlaub viele Fotos gemacht.", "Meine Schlüssel waren die ganze Zeit in meiner Tasche.",
        "Sie hat auf der Hochzeit ihrer Schwester ein Lied gesungen.",
        "Sie haben ein neues Restaurant neben dem Bahnhof eröffnet.",
        "Wir haben die Karten für das Konzert schon gebucht.", "Er war sehr wütend auf seinen Sohn.",
        "Ich habe im Zoo einen Elefanten gesehen.",
        "Meine Freunde und ich sind am Samstagabend auf ein Konzert gegangen.",
        "Die Preise für Gemüse sind dieses Jahr gestiegen.",
        "Er hat die schweren Kisten in den zweiten Stock getragen.",
        "Unsere Mannschaft hat gestern Abend das Finale gewonnen.",
        # Futur
        "Wir werden nächsten Monat nach Spanien reisen.", "Er wird im September eine neue Stelle anfangen.",
        "Wir treffen unsere Freunde am Freitag im Restaurant.",
        "Sie werden um sechs Uhr am Flughafen ankommen.",
        "Wir werden nächsten Sommer das Haus streichen.", "Ich werde nächstes Jahr Auto fahren lernen.",
        "Dieser Film wird dir gefallen.", "Heute Nacht wird es in den Bergen schneien.",
        "Sie werden das Projekt vor Ende des Jahres abschließen.",
        # längere Sätze
        "Als ich ein Kind war, hat meine Familie jeden Sommer in einem kleinen Haus am See verbracht.",
        "Wenn es morgen nicht regnet, gehen wir am Nachmittag mit den Kindern in den Zoo.",
        "Meine Schwester arbeitet seit mehr als zehn Jahren bei derselben Bank in der Innenstadt.",
        "Letzte Woche hat uns unsere Lehrerin gebeten, eine kurze Geschichte über einen Menschen zu "
        "schreiben, den wir bewundern.",
        "Die neue Bibliothek, die im März eröffnet wurde, hat einen großen Raum, in dem Kinder lesen "
        "und spielen können.",
        "Bevor sie nach Kanada gezogen sind, haben sie ihr Auto verkauft und ihre Möbel Freunden geschenkt.",
    ],
}

# Word-level learner errors, per rule family and language: correct form -> typical wrong form. Keys match
# case-sensitively (German nouns), and in lower case at the start of a sentence; two-word keys give the
# context that makes the form wrong ("has lived" -> "has live", where "lived" -> "live" could stay correct).
SWAPS: dict[str, dict[str, dict[str, str]]] = {
    "agreement": {
        "en": {
            "goes": "go", "works": "work", "plays": "play", "teaches": "teach", "tells": "tell",
            "takes": "take",
            "makes": "make", "feeds": "feed", "wants": "want", "flows": "flow", "drives": "drive",
            "speaks": "speak",
            "lives": "live", "opens": "open", "arrives": "arrive", "are": "is", "is": "are", "has": "have",
            "have": "has", "were": "was", "was": "were", "doesn't": "don't", "look": "looks", "need": "needs",
            "close": "closes", "know": "knows", "am": "is", "admire": "admires", "can read": "can reads",
            "like": "likes", "nurses work": "nurses works", "those": "that",
        },
        "fr": {
            "vais": "va", "travaille": "travailles", "jouent": "joue", "habite": "habites",
            "n'aime": "n'aimes",
            "attendons": "attendez", "parle": "parles", "ouvre": "ouvrent", "dort": "dors",
            "prépare": "prépares",
            "arrive": "arrivent", "est": "es", "sont": "est", "ont": "a", "avons": "avez", "sommes": "êtes",
            "suis": "est", "nagent": "nage", "travaillent": "travaille", "apprennent": "apprend",
            "ferment": "ferme",
            "enseigne": "enseignes", "joue": "joues", "veut": "veux", "fait": "fais", "prend": "prends",
            "nourrit": "nourris", "étaient": "était", "était": "étaient", "lisait": "lisais",
            "construisent": "construit", "étudie": "étudies", "traverse": "traverses", "peux": "peut",
            "devrais": "devrait", "raconte": "racontes", "passait": "passaient", "admirons": "admirez",
            "peuvent": "peut", "petite": "petit", "courte": "court", "as": "a", "content": "contents",
            "allez": "va", "ce film": "cette film", "habitent": "habite", "mange": "manges", "lis": "lit",
            "chères": "chers", "grande": "grand", "nouvelle": "nouveau", "délicieuse": "délicieux",
            "belles": "beaux",
            "malades": "malade", "bleue": "bleu", "lourdes": "lourds", "vieille": "vieux", "locale": "local",
            "frais": "fraîche", "petit": "petite", "nouvel": "nouveau", "nouveau": "nouvelle",
            "intéressant": "intéressante", "fermé": "fermée", "allés": "allé", "parties": "parti",
            "venus": "venu",
            "arrivés": "arrivé", "assis": "assise", "rapide": "rapides",
        },
        "es": {
            "voy": "va", "trabaja": "trabajas", "juegan": "juega", "vive": "vives", "habla": "hablas",
            "abre": "abren", "tiene": "tienes", "tienen": "tiene", "duerme": "duermes", "es": "son",
            "son": "es",
            "estamos": "están", "está": "están", "están": "está", "somos": "son", "toca": "tocas",
            "enseña": "enseñas", "cuenta": "cuentan", "aprenden": "aprende", "trabajan": "trabaja",
            "nadan": "nada",
            "cierran": "cierra", "quiere": "quieres", "juega": "juegas", "necesitas": "necesita",
            "atraviesa": "atraviesan", "gusta": "gustan", "viven": "vive", "estoy": "está", "tengo": "tiene",
            "llega": "llegan", "come": "comes", "estudia": "estudias", "hace": "hacen",
            "caros": "caras", "grande": "grandes", "nueva": "nuevo", "nuevo": "nueva",
            "deliciosa": "delicioso",
            "pequeño": "pequeña", "interesante": "interesantes", "cerrado": "cerrada", "rojo": "roja",
            "preciosas": "preciosos", "enfermos": "enfermas", "enferma": "enfermo", "pesadas": "pesados",
            "fresco": "fresca", "local": "locales", "enfadado": "enfadada", "sentados": "sentado",
            "alta": "alto",
            "rápido": "rápida", "viejo": "vieja", "muchas": "muchos", "muchos": "muchas", "todos": "todas",
            "todas": "todos", "todo": "toda", "toda": "todo", "cansado": "cansados", "contento": "contentos",
            "pequeña": "pequeño", "mismo": "misma", "corto": "corta", "pueden": "puede",
        },
        "de": {
            "gehe": "geht", "arbeitet": "arbeite", "spielen": "spielt", "wohnt": "wohne", "gibt": "geben",
            "trinkt": "trinke", "warten": "wartet", "spricht": "sprecht", "öffnet": "öffnen",
            "schläft": "schlaft",
            "koche": "kocht", "brauchen": "braucht", "kommt": "kommen", "mögen": "mag", "fährt": "fahrt",
            "lese": "liest", "isst": "esst", "bin": "ist", "ist": "sind", "sind": "ist", "habe": "hat",
            "haben": "hat", "spielt": "spielen", "unterrichtet": "unterrichte", "studiert": "studieren",
            "backt": "backen", "erzählt": "erzählen", "bauen": "baut", "lernen": "lernt",
            "schwimmen": "schwimmt",
            "arbeiten": "arbeitet", "schließen": "schließt", "füttert": "füttern", "möchte": "möchten",
            "siehst": "sieht", "hast": "hat", "kannst": "kann", "solltest": "sollte", "brauchst": "braucht",
            "wird": "werden", "werden": "wird", "war": "waren", "waren": "war", "fließt": "fließen",
            "schreibt": "schreiben", "liegt": "liegen", "besuche": "besucht", "schicke": "schickt",
            "rufe": "ruft",
            "treffen": "trefft", "saßen": "saß", "las": "lasen", "wohnen": "wohnt", "regnet": "regnen",
            "gehen": "geht", "bewundern": "bewundert", "können": "kann", "kennen": "kennt",
            "großen": "große", "neues": "neue", "leckere": "lecker", "kleine": "kleiner", "neue": "neuen",
            "kleinen": "kleine", "alte": "alter", "schweren": "schwere", "blauen": "blaue", "ganze": "ganzen",
            "ganzen": "ganze", "interessantes": "interessante", "letzten": "letzte", "nächsten": "nächste",
            "meine": "mein", "mein": "meine", "unsere": "unser", "diese": "dieser", "kurze": "kurz",
        },
    },
    "tense": {
        "en": {
            "went": "goed", "bought": "buyed", "forgot": "forgetted", "broke": "breaked", "built": "builded",
            "found": "finded", "ate": "eated", "drank": "drinked", "took": "taked", "sold": "selled",
            "sang": "singed",
            "wrote": "writed", "lost": "losed", "told": "telled", "won": "winned", "written": "wrote",
            "seen": "saw",
            "been": "be", "eaten": "ate", "gone": "went", "forgotten": "forgot", "has lived": "has live",
            "have lived": "have live", "visited me": "visit me", "just finished": "just finish",
            "has visited": "has visit", "have opened": "have open", "have painted": "have paint",
            "already booked": "already book", "spent": "spended", "gave": "gived", "asked us": "ask us",
            "has corrected": "has correct", "started": "start", "rained": "rain", "didn't go": "didn't went",
            "didn't understand": "didn't understood", "studying": "study",
            "reading": "read", "playing": "play", "sleeping": "sleep", "waiting": "wait", "building": "build",
            "learning": "learn", "swimming": "swim", "working": "work", "writing": "write", "talking": "talk",
            "barking": "bark", "watching": "watch", "going": "go", "sitting": "sit", "saw": "seen",
            "call": "called", "travel": "travelled", "start": "started", "meet": "met", "send": "sent",
            "arrive": "arrived", "paint": "painted", "learn": "learned", "love": "loved", "snow": "snowed",
            "finish": "finished",
        },
        "fr": {
            "sommes": "avons", "suis": "ai", "a": "est", "j'ai": "je suis", "ont": "sont", "sont": "ont",
            "acheté": "acheter", "mangé": "manger", "fini": "finir", "vu": "voir", "perdu": "perdre",
            "trouvé": "trouver", "oublié": "oublier", "construit": "construire", "ouvert": "ouvrir",
            "visité": "visiter", "vendu": "vendre", "chanté": "chanter", "gagné": "gagner",
            "réservé": "réserver",
            "corrigé": "corriger", "écouté": "écouter", "pris": "prendre", "bu": "boire", "peint": "peindre",
            "rencontré": "rencontrer", "compris": "comprendre", "déménagé": "déménager", "plu": "pleuvoir",
            "aboyé": "aboyer", "monté": "monter", "augmenté": "augmenter", "commencé": "commencer",
            "voyagerons": "voyager", "t'appellerai": "t'appelerai", "commencera": "commencer",
            "retrouverons": "retrouver", "t'enverrai": "t'envoyerai", "arriveront": "arriver",
            "peindrons": "peindre",
            "j'apprendrai": "j'apprenderai", "neigera": "neiger", "finiront": "finir", "lisait": "lire",
            "faisant": "faire", "parlaient": "parler", "emmènerons": "emmener", "demandé": "demander",
            "donné": "donner",
        },
        "es": {
            "he": "ha", "ha": "he", "han": "ha", "hemos": "han", "estado": "estar", "terminado": "terminar",
            "escrito": "escribido", "visto": "veído", "abierto": "abrido", "pintado": "pintar",
            "perdido": "perder",
            "visitado": "visitar", "corregido": "corrigido", "reservado": "reservar", "subido": "subir",
            "olvidado": "olvidar", "vinieron": "venieron", "hicimos": "hacimos", "dijo": "decí",
            "construyeron": "construieron", "viajaremos": "viajar", "empezará": "empezar", "veremos": "ver",
            "enviaré": "enviar", "llegarán": "llegar", "pintaremos": "pintar", "aprenderé": "aprender",
            "nevará": "nevar", "terminarán": "terminar", "llamaré": "llamar", "esperando": "esperar",
            "leyendo": "leer", "construyendo": "construir", "escribiendo": "escribir", "leía": "leer",
            "compré": "comprí", "fuimos": "fuemos", "llovió": "lluevió", "empezó": "empiezó",
            "vendió": "vende",
            "ganó": "gana", "llevaremos": "llevar", "pidió": "pedió",
        },
        "de": {
            "sind": "haben", "bin": "habe", "habe": "bin", "hat": "ist", "haben": "sind",
            "gegessen": "geesst", "getrunken": "getrinkt", "geschrieben": "geschreibt",
            "gefunden": "gefindet",
            "gesungen": "gesingt", "gesehen": "gesieht", "gewonnen": "gewinnt", "verloren": "verliert",
            "vergessen": "vergesst", "gebrochen": "gebrecht", "getragen": "geträgt", "gestiegen": "gesteigt",
            "gegangen": "gegeht", "gekommen": "gekommt", "gefahren": "gefahrt", "getroffen": "getrefft",
            "gezogen": "geziehen", "geregnet": "regnet", "gekauft": "kaufte", "beendet": "beenden",
            "gebaut": "bauen", "gemacht": "machen", "gehört": "hören", "gebucht": "buchen",
            "verkauft": "verkaufen",
            "besucht": "besuchen", "eröffnet": "eröffnen", "gestrichen": "gestreicht",
            "korrigiert": "korrigieren",
            "verstanden": "verstehen", "gebellt": "bellen", "gesagt": "sagen", "reisen": "gereist",
            "anfangen": "angefangen", "schneien": "geschneit", "abschließen": "abgeschlossen",
            "ankommen": "angekommen", "streichen": "gestrichen", "gefallen": "gefällt",
            "sprachen": "sprechten",
            "saßen": "sitzten", "las": "lest", "verbracht": "verbringt", "gebeten": "gebittet",
            "geschenkt": "schenken",
        },
    },
    "article": {
        # "the" is left out only where the sentence then needs it: before singular count nouns
        "en": {"a": "an", "an": "a", **{f"the {noun}": noun for noun in (
            "garden", "bus", "cake", "station", "sofa", "library", "shelf", "weather", "cat", "museum",
            "baby",
            "river", "kitchen", "beach", "party", "sea", "doctor", "company", "zoo", "airport", "lake",
            "restaurant",
            "concert", "harbour", "table", "question", "teacher", "match", "meeting", "final", "street")}},
        "fr": {"la": "le", "le": "la", "une": "un", "un": "une", "les": "la", "l'école": "le école",
               "l'été": "la été", "l'histoire": "le histoire", "l'hôpital": "le hôpital"},
        "es": {"la": "el", "el": "la", "una": "un", "un": "una", "los": "las", "las": "los"},
        "de": {"der": "die", "die": "der", "das": "der", "den": "der", "dem": "den", "einem": "einen",
               "einen": "ein", "eine": "ein", "ein": "eine", "einer": "einem", "keinen": "kein"},
    },
    "plural": {
        "en": {
            "children": "childs", "women": "womans", "apples": "apple", "eggs": "egg", "shoes": "shoe",
            "books": "book", "minutes": "minute", "years": "year", "dogs": "dog", "countries": "countrys",
            "boxes": "boxs", "photos": "photoes", "sisters": "sister", "stories": "storys", "cows": "cow",
            "letters": "letter", "hours": "hour", "shops": "shop",
            "players": "player", "flowers": "flower", "fields": "field", "vegetables": "vegetable",
            "tests": "test",
            "exams": "exam", "students are": "student are", "nurses": "nurse", "farmers": "farmer",
            "boys": "boy", "parents": "parent", "neighbours": "neighbour", "mountains": "mountain",
        },
        "fr": {
            "livres": "livre", "pommes": "pomme", "œufs": "œuf", "enfants": "enfant", "chiens": "chien",
            "examens": "examen", "clés": "clé", "chaussures": "chaussure", "fleurs": "fleur",
            "vaches": "vache",
            "lettres": "lettre", "billets": "billet", "oiseaux": "oiseaus", "heures": "heure",
            "minutes": "minute",
            "ans": "an", "photos": "photo", "joueurs": "joueur", "magasins": "magasin", "champs": "champ",
            "boîtes": "boîte", "légumes": "légume", "documents": "document", "montagnes": "montagne",
            "histoires": "histoire", "parents": "parent", "amis": "ami", "sœurs": "sœur", "garçons": "garçon",
            "élèves": "élève", "étudiants": "étudiant", "femmes": "femme", "infirmières": "infirmière",
            "agriculteurs": "agriculteur", "voisins": "voisin", "lunettes": "lunette",
            "nouvelles": "nouvelle",
        },
        "es": {
            "manzanas": "manzana", "libros": "libro", "huevos": "huevo", "zapatos": "zapato", "años": "año",
            "minutos": "minuto", "niños": "niño", "perros": "perro", "vacas": "vaca", "cartas": "carta",
            "países": "país", "flores": "flors", "fotos": "foto", "horas": "hora", "pájaros": "pájaro",
            "entradas": "entrada", "tiendas": "tienda", "jugadores": "jugadors", "historias": "historia",
            "noticias": "noticia", "verduras": "verdura", "cajas": "caja", "llaves": "llave", "gafas": "gafa",
            "documentos": "documento", "hermanas": "hermana", "montañas": "montaña", "abuelos": "abuelo",
            "exámenes": "examen", "padres": "padre", "amigos": "amigo", "estudiantes": "estudiante",
            "mujeres": "mujer", "alumnos": "alumno", "vecinos": "vecino", "chicos": "chico", "hijos": "hijo",
            "agricultores": "agricultor", "enfermeras": "enfermera",
        },
        "de": {
            "Äpfel": "Apfels", "Bücher": "Buchs", "Eier": "Eiern", "Kinder": "Kindern", "Jahren": "Jahre",
            "Minuten": "Minute", "Schuhe": "Schuh", "Hunde": "Hunds", "Kühen": "Kühe", "Länder": "Lands",
            "Briefe": "Briefen", "Fotos": "Foto", "Vögel": "Vogel", "Stunden": "Stunde",
            "Geschäfte": "Geschäften",
            "Blumen": "Blume", "Bergen": "Berge", "Feldern": "Felder", "Schwestern": "Schwester",
            "Preise": "Preis", "Kisten": "Kiste", "Freunde": "Freunden", "Nachbarn": "Nachbar",
            "Eltern": "Elter", "Frauen": "Frau", "Jungen": "Junge", "Bauern": "Bauer",
            "Krankenschwestern": "Krankenschwester",
            "Studenten": "Student", "Schüler": "Schülern", "Tests": "Test",
        },
    },
    "preposition": {
        "en": {"at nine": "in nine", "at seven": "in seven", "at six": "in six", "at home": "in home",
               "good at": "good in", "in": "on", "on": "in", "to": "at", "for": "since", "since": "for",
               "with": "by", "during": "while", "of": "from"},
        "fr": {"à": "en", "dans le": "en le", "dans la": "en la", "dans les": "en les", "dans un": "en un",
               "dans une": "en une", "dans sa": "en sa", "dans ma": "en ma", "dans ce": "en ce",
               "dans notre": "en notre", "depuis": "pour", "au": "à le",
               "du": "de le", "en": "dans", "de": "à", "des": "de les"},
        "es": {"en": "a", "a": "en", "de mi": "en mi", "fin de": "fin en", "después de": "después en",
               "antes de": "antes en", "acaba de": "acaba en", "cerca de": "cerca en", "más de": "más en",
               "taza de": "taza en", "precio de": "precio en", "historia de": "historia en",
               "por la": "para la",
               "desde": "por", "al": "a el", "del": "de el", "con": "en"},
        "de": {"zur": "zu die", "im": "in", "auf den": "für den", "auf seinen": "mit seinen",
        "auf ein": "zu ein",
               "in": "im", "mit": "bei", "seit": "für", "zum": "zu", "am": "an", "nach Spanien": "zu Spanien",
               "nach Kanada": "zu Kanada", "über": "von", "um": "bei", "vor": "bevor", "beim": "bei",
               "für": "zu"},
    },
}

ACCENTS = {"é": "e", "è": "e", "ê": "e", "à": "a", "ù": "u", "ç": "c", "ô": "o", "î": "i", "â": "a",
"œ": "oe",
           "á": "a", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ä": "a", "ö": "o", "ü": "u", "ß": "ss",
           "É": "E", "Ä": "A", "Ö": "O", "Ü": "U", "Á": "A", "Í": "I", "Ó": "O", "Ú": "U"}

# Verb forms whose wrong form needs the subject in view: Spanish drops subject pronouns ("Vive en Madrid" is
# as correct as "Vives en Madrid") and German "sie/Sie" is she, they and polite you ("Sie hat" and "Sie haben"
# are both correct), so these swaps are skipped where the subject does not decide.
ES_VERBS = {
    "voy", "trabaja", "juegan", "vive", "habla", "abre", "tiene", "tienen", "duerme", "es", "son", "estamos",
    "está", "están", "somos", "toca", "enseña", "cuenta", "aprenden", "trabajan", "nadan", "cierran",
    "quiere",
    "juega", "necesitas", "atraviesa", "viven", "estoy", "tengo", "llega", "come", "estudia", "hace",
    "he", "ha", "han", "hemos",  # "Ha perdido mi teléfono" is as correct as "He perdido mi teléfono"
}
ES_SUBJECTS = ("mi", "mis", "su", "los", "las", "el", "la", "ella", "él", "ellas", "usted", "nuestro",
"nuestros",
               "esos", "a")
DE_VERBS = {
    "gehe", "arbeitet", "spielen", "wohnt", "trinkt", "warten", "spricht", "öffnet", "schläft", "koche",
    "brauchen",
    "kommt", "mögen", "fährt", "lese", "isst", "bin", "ist", "sind", "habe", "haben", "spielt",
    "unterrichtet",
    "studiert", "backt", "erzählt", "bauen", "lernen", "schwimmen", "arbeiten", "schließen", "füttert",
    "möchte",
    "wird", "werden", "war", "waren", "fließt", "schreibt", "liegt", "besuche", "schicke", "rufe", "treffen",
    "saßen", "las", "wohnen", "gibt", "siehst", "hast", "kannst", "solltest", "brauchst", "regnet",
    "gehen", "bewundern", "können", "kennen",
}


def _words(sentence: str) -> tuple[list[str], str]:
    end = ""
    for tail in (" ?", " !", ".", "?", "!"):  # French puts a space before ? and !
        if sentence.endswith(tail):
            end = tail
            break
    body = sentence[: len(sentence) - len(end)]
    return body.split(" "), end


def _join(words: list[str], end: str, capital: bool) -> str:
    words = [w for w in words if w]
    if capital and words:
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words) + end


def _core(word: str) -> tuple[str, str]:
    """A word without its trailing comma: ("gesagt", ",")."""
    return (word[:-1], word[-1]) if word.endswith(",") else (word, "")


def swap_rule(family: str):
    """A rule that replaces one word with its typical wrong form from SWAPS[family]."""

    def rule(lang: str, sentence: str, rng: random.Random) -> str | None:
        table = SWAPS[family].get(lang, {})
        words, end = _words(sentence)
        lowered = [w.lower() for w in words]
        spots = []
        for i in range(len(words) - 1):  # two-word keys give a form its context ("has lived" -> "has live")
            pair = f"{words[i] if i else lowered[0]} {_core(words[i + 1])[0]}"
            if pair in table:
                spots.append((i, pair))
        for i, w in enumerate(words):
            core, _ = _core(w)
            key = core if core in table else core.lower() if i == 0 and core.lower() in table else None
            if key is None:
                continue
            if lang == "es" and key in ES_VERBS and lowered[0] not in ES_SUBJECTS:
                continue
            if family == "agreement" and lang == "de" and key in DE_VERBS and "sie" in lowered:
                continue
            spots.append((i, key))
        if not spots:
            return None
        i, key = rng.choice(spots)
        first = words[0]
        if " " in key:
            words[i : i + 2] = [table[key] + _core(words[i + 1])[1]]
        else:
            words[i] = table[key] + _core(words[i])[1]
        return _join(words, end, capital=i == 0 and first[:1].isupper())

    rule.__name__ = family
    return rule


def accent(lang: str, sentence: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(sentence) if c in ACCENTS]
    if lang == "en" or not spots:
        return None
    chosen = set(rng.sample(spots, k=min(len(spots), rng.choice([1, 2]))))
    return "".join(ACCENTS[c] if i in chosen else c for i, c in enumerate(sentence))


# Words that may stand on either side of their neighbour ("has just finished", "just has finished"; French and
# Spanish adjectives before or after the noun: "le mois prochain", "le prochain mois").
FREE_ADVERBS = (
    "just", "already", "never", "always", "usually", "often", "siempre", "hoy", "dir",
    "pasado", "pequeño", "pequeña", "grande", "nuevo", "nueva", "viejo", "próximo", "mismo", "corto",
    "prochain", "dernier", "dernière", "petit", "petite", "grand", "grande", "nouveau", "nouvel", "nouvelle",
    "vieille", "courte", "lourdes",
)


def word_order(lang: str, sentence: str, rng: random.Random) -> str | None:
    words, end = _words(sentence)
    spots = [i for i in range(1, len(words) - 1)
             if words[i] != words[i + 1] and not words[i].endswith(",") and not words[i + 1].endswith(",")
             and words[i] not in FREE_ADVERBS and words[i + 1] not in FREE_ADVERBS]
    if len(words) < 3 or not spots:
        return None
    i = rng.choice(spots)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words) + end


def capitalisation(lang: str, sentence: str, rng: random.Random) -> str | None:
    if lang != "de":
        return None
    words, end = _words(sentence)
    spots = [i for i, w in enumerate(words) if i > 0 and w[:1].isupper() and w not in ("Sie", "Ich")]
    if not spots:
        return None
    i = rng.choice(spots)
    words[i] = words[i].lower()
    return " ".join(words) + end


# Rule families with their weights (how often each is tried first).
RULES = [
    (swap_rule("agreement"), 3), (swap_rule("tense"), 3), (swap_rule("article"), 2), (swap_rule("plural"), 2),
    (swap_rule("preposition"), 2), (accent, 2), (word_order, 1), (capitalisation, 1),
]


def _rule_order(rng: random.Random, skip: list[str]) -> list:
    """The rules in a random order, heavier ones likelier first (weighted sampling without replacement)."""
    keyed = [(rng.random() ** (1 / w), i) for i, (rule, w) in enumerate(RULES) if rule.__name__ not in skip]
    return [RULES[i][0] for _, i in sorted(keyed, reverse=True)]


# Rationales: how to correct an item, written from the rules that made it (not by a model). One clause per
# injected error: its family, the changed words quoted (wrong -> right) and the grammar behind the fix.
NO_ERROR = "no error: the sentence is correct."
CONTRACTIONS = {  # right form: the words a learner writes for it
    "au": "à le", "aux": "à les", "du": "de le", "des": "de les", "al": "a el", "del": "de el",
    "zur": "zu der", "zum": "zu dem", "im": "in dem", "am": "an dem", "beim": "bei dem", "vom": "von dem",
}
ARTICLE_AGREES = {
    "de": "the article agrees with the noun's gender, number and case",
    "fr": "the article agrees with the noun's gender and number",
    "es": "the article agrees with the noun's gender and number",
}
NOTES = {
    "agreement": "a verb agrees with its subject, an adjective or determiner with its noun",
    "tense": "this tense takes this verb form",
    "plural": "the noun takes this plural form",
    "preposition": "this phrase takes this preposition",
    "accent": "the accents are part of the spelling",
    "word_order": "the words were in the wrong order",
    "capitalisation": "German nouns are capitalised",
}
LABELS = {"word_order": "word order"}


def _changes(before: str, after: str) -> list[tuple[list[str], list[str]]]:
    """What one rule changed, as (wrong words, right words) pairs: runs of adjacent changed words when the word
    count stayed, else the one changed span (with a neighbour when a word was dropped or added)."""
    right, _ = _words(before)
    wrong, _ = _words(after)
    if len(right) == len(wrong):
        pairs, i = [], 0
        while i < len(right):
            j = i
            while j < len(right) and right[j] != wrong[j]:
                j += 1
            if j > i:
                pairs.append((wrong[i:j], right[i:j]))
            i = j + 1
        return pairs
    start = 0
    while start < min(len(right), len(wrong)) and right[start] == wrong[start]:
        start += 1
    end = 0
    while end < min(len(right), len(wrong)) - start and right[-1 - end] == wrong[-1 - end]:
        end += 1
    if start == len(right) - end or start == len(wrong) - end:  # one side empty: quote it with a neighbour,
        start, end = (start, end - 1) if end > 0 else (start - 1, end)  # the next word if any (a dropped article)
    return [(wrong[start : len(wrong) - end], right[start : len(right) - end])]


def _with_noun(before: str, pairs: list[tuple[list[str], list[str]]]) -> list[tuple[list[str], list[str]]]:
    """An article quoted with the word after it (its noun, often), as in "ein Mantel" -> "einen Mantel"."""
    right, _ = _words(before)
    out = []
    for wrong_words, right_words in pairs:
        at = next(i for i in range(len(right)) if right[i : i + len(right_words)] == right_words)
        after = right[at + len(right_words) : at + len(right_words) + 1]
        out.append((wrong_words + after, right_words + after))
    return out


def _note(family: str, lang: str, wrong: list[str], right: list[str]) -> str:
    w, r = " ".join(wrong).lower(), " ".join(right).lower()
    if family == "article":
        if lang == "en" and {w.split()[0], r.split()[0]} == {"a", "an"}:
            return "'an' before a vowel sound, 'a' before a consonant sound"
        if lang == "en":
            return "a singular countable noun needs its article"
        if lang == "fr" and "'" in r and "'" not in w:
            return "'le' and 'la' become l' before a vowel or a mute h"
        return ARTICLE_AGREES[lang]
    if family == "preposition":
        for word in right:
            short = _core(word)[0].lower()
            if short in CONTRACTIONS:
                long = CONTRACTIONS[short]
                return f"'{long}' contracts to '{short}'" if long == w else f"'{short}' stands for '{long}'"
    if family == "accent" and lang == "de":
        return "the umlauts and ß are part of the spelling"
    return NOTES[family]


def _clause(families: list[str], lang: str, pairs: list[tuple[list[str], list[str]]]) -> str:
    quoted = ", ".join(f'"{" ".join(w)}" → "{" ".join(r)}"' for w, r in pairs)
    names = " and ".join(LABELS.get(f, f) for f in families)
    notes = "; ".join(dict.fromkeys(_note(f, lang, *pairs[0]) for f in families))
    return f"{names}: {quoted} ({notes})"


def _quotes_in(words: list[str], quote: list[str]) -> bool:
    n = len(quote)
    return any(words[i : i + n] == quote for i in range(len(words) - n + 1))


def rationale(lang: str, sentence: str, text: str, steps: list[tuple[str, str, str]]) -> str:
    """How to correct ``text`` into ``sentence``: one clause per injected error (``steps``: family, text before,
    text after the rule), quoting its words as they stand in the item and its reference; two errors that touch
    the same words share one clause."""
    right, _ = _words(sentence)
    wrong, _ = _words(text)
    clauses = []
    for family, before, after in steps:
        pairs = _changes(before, after)
        if family == "article" and len(_words(before)[0]) == len(_words(after)[0]):
            pairs = _with_noun(before, pairs)
        if not all(_quotes_in(wrong, w) and _quotes_in(right, r) for w, r in pairs):
            return _clause([f for f, _, _ in steps], lang, _changes(sentence, text)) + "."
        clauses.append(_clause([family], lang, pairs))
    return "; ".join(clauses) + "."


def corrupt(lang: str, sentence: str, rng: random.Random) -> tuple[str, list[str], str]:
    """One or (sometimes) two errors of different families, their names, and the rationale that explains how to
    correct them; the result always differs."""
    n_errors = 2 if rng.random() < TWO_ERRORS else 1
    text, errors, steps = sentence, [], []
    for _ in range(n_errors):
        for rule in _rule_order(rng, errors):
            out = rule(lang, text, rng)
            if out and out != text and out != sentence:
                steps.append((rule.__name__, text, out))
                text = out
                errors.append(rule.__name__)
                break
    assert errors and text != sentence, sentence
    return text, errors, rationale(lang, sentence, text, steps)


def items_for(lang: str, sentences: list[str], rng: random.Random) -> list[dict]:
    items = []
    for s in sentences:
        wrongs: dict[str, tuple[list[str], str]] = {}
        for _ in range(WRONG_VARIANTS * 10):
            text, errors, why = corrupt(lang, s, rng)
            wrongs.setdefault(text, (errors, why))
            if len(wrongs) == WRONG_VARIANTS:
                break
        items += [{"lang": lang, "text": t, "reference": s, "errors": e, "rationale": why}
                  for t, (e, why) in wrongs.items()]
        items.append({"lang": lang, "text": s, "reference": s, "errors": [], "rationale": NO_ERROR})
    return items


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
    splits: dict[str, dict[str, list[dict]]] = {"train": {}, "test": {}}
    for lang in sorted(SENTENCES):
        order = [unicodedata.normalize("NFC", s) for s in SENTENCES[lang]]
        rng.shuffle(order)
        test, train = order[:TEST_SENTENCES], order[TEST_SENTENCES:]
        for name, part in (("train", train), ("test", test)):
            items = items_for(lang, part, rng)
            rng.shuffle(items)
            splits[name][lang] = items
    out = {}
    for name, groups in splits.items():
        rows, counters = [], {}
        for row in interleave(groups):
            counters[row["lang"]] = counters.get(row["lang"], 0) + 1
            rows.append({"id": f"gec-{name}-{row['lang']}-{counters[row['lang']]:04d}", **row})
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
        correct = sum(not r["errors"] for r in rows)
        langs, families = {}, {}
        for r in rows:
            langs[r["lang"]] = langs.get(r["lang"], 0) + 1
            for e in r["errors"]:
                families[e] = families.get(e, 0) + 1
        sentences = len({r["reference"] for r in rows})
        print(f"{name}: {len(rows)} items, {correct} already correct ({correct / len(rows):.0%}), "
              f"{sentences} sentences, by language {langs}, errors {dict(sorted(families.items()))}")


if __name__ == "__main__":
    main()
