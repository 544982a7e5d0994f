package main

import (
	"time"

	"partneryste/data"
)

// Consultation categories, as the association's office groups its log.
const (
	catCurriculum = "Ugdymo turinys"
	catAssessment = "Vertinimas"
	catProjects   = "Projektinė veikla"
	catDigital    = "Skaitmeninės priemonės"
	catTraining   = "Kvalifikacija"
	catOlympiads  = "Olimpiados ir konkursai"
)

// Consultants are the association's staff and board members.
const (
	consultantLaura = "Laura Vėjelienė"
	consultantTomas = "Tomas Šerkšnas"
	consultantRasa  = "Rasa Ąžuolienė"
)

// consultations returns the consultation log for 2026-09-01 … 2026-12-04.
// Older entries are closed or answered and the newest are still open, as in
// a real office. Requesters and their contacts are made up.
func consultations() []consultation {
	return []consultation{
		{
			ID: "sample-consultation-01", Date: day(2026, time.September, 2), DurationMin: 30,
			Format: data.FormatPhone, Topic: "Gamtos mokslų ilgalaikis planas 7 klasei", Category: catCurriculum,
			Requester:  data.Requester{Name: "Lina Kairytė", School: "Kelmės Ąžuolo pagrindinė mokykla", Contact: "lina.kairyte@example.lt"},
			Question:   "Pirmus metus dirbu pagal atnaujintas programas. Kaip paskirstyti temas per metus, kad liktų laiko tyrimams?",
			Answer:     "Aptarėme pavyzdinį planą: kas antrą temą baigti trumpu tyrimu, o didesnį tyrimą planuoti gegužę. Išsiuntėme asociacijos parengtą plano šabloną.",
			Consultant: consultantLaura, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-02", Date: day(2026, time.September, 8), DurationMin: 45,
			Format: data.FormatInPerson, Topic: "Laboratorinių darbų vertinimo kriterijai", Category: catAssessment,
			Requester:  data.Requester{Name: "Marius Adomaitis", School: "Jonavos Šilo gimnazija", Contact: "marius.adomaitis@example.lt"},
			Question:   "Mokiniai skundžiasi, kad laboratorinių darbų pažymiai neaiškūs. Kaip aprašyti kriterijus, kad jie būtų suprantami mokiniams?",
			Answer:     "Rekomendavome keturis kriterijus (planavimas, matavimai, duomenų apdorojimas, išvados) su trimis lygių aprašais ir pavyzdžiu kiekvienam lygiui.\n\nSusitarėme, kad mokytojas atsiųs pirmąjį variantą, ir mes jį pakomentuosime.",
			Consultant: consultantTomas, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-03", Date: day(2026, time.September, 14), DurationMin: 20,
			Format: data.FormatPhone, Topic: "Registracija į seminarą be el. pašto", Category: catTraining,
			Requester:  data.Requester{Name: "Danutė Mačiulienė", School: "Ignalinos Gėlių progimnazija", Contact: "+370 5 000 0012"},
			Question:   "Neturiu asmeninio el. pašto adreso. Ar galiu užsiregistruoti į rugsėjo 17 d. seminarą Kaune kitu būdu?",
			Answer:     "Užregistravome telefonu ir pažymėjimą paruošime atspausdintą seminaro dieną.",
			Consultant: consultantLaura, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-04", Date: day(2026, time.September, 21), DurationMin: 60,
			Format: data.FormatRemote, Topic: "Tarpdalykinis projektas apie upę", Category: catProjects,
			Requester:  data.Requester{Name: "Justina Žemaitienė", School: "Raseinių Dubysos progimnazija", Contact: "justina.zemaitiene@example.lt"},
			Question:   "Norime su biologijos, geografijos ir chemijos mokytojais surengti projektą apie netoliese tekančią upę. Nuo ko pradėti ir kaip suderinti tvarkaraščius?",
			Answer:     "Pasiūlėme pradėti nuo bendro probleminio klausimo ir vienos projektinės dienos, o likusias veiklas vykdyti įprastose pamokose. Pasidalinome vandens tyrimų protokolu ir gerosios patirties aprašu apie vandens kokybės tyrimą.",
			Consultant: consultantRasa, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-05", Date: day(2026, time.September, 29), DurationMin: 15,
			Format: data.FormatEmail, Topic: "Mikroskopų su kamera pasirinkimas", Category: catDigital,
			Requester:  data.Requester{Name: "Vytautas Griškevičius", School: "Molėtų Ežerų gimnazija", Contact: "vytautas.griskevicius@example.lt"},
			Question:   "Mokykla gavo lėšų mikroskopams. Ar verta pirkti mikroskopus su įmontuota kamera?",
			Answer:     "Patarėme pirkti įprastus mokyklinius mikroskopus ir kelis telefono laikiklius: taip už tą pačią sumą gausite daugiau darbo vietų. Vieną mikroskopą su kamera verta turėti demonstracijoms.",
			Consultant: consultantTomas, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-06", Date: day(2026, time.October, 5), DurationMin: 40,
			Format: data.FormatInPerson, Topic: "Mokinių tiriamųjų darbų temos", Category: catProjects,
			Requester:  data.Requester{Name: "Eglė Norkutė", School: "Kauno Ąžuolyno parko progimnazija", Contact: "egle.norkute@example.lt"},
			Question:   "Kokias tiriamųjų darbų temas galėtų pasirinkti septintokai, kad tyrimą atliktų per du mėnesius mokykloje?",
			Answer:     "Sudarėme dešimties temų sąrašą: nuo sėklų dygimo sąlygų iki garso sklidimo skirtingose medžiagose. Priminėme, kad darbus bus galima pristatyti gegužės konferencijoje „Jaunieji tyrėjai“.",
			Consultant: consultantRasa, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-07", Date: day(2026, time.October, 12), DurationMin: 30,
			Format: data.FormatEmail, Topic: "Pasiekimų lygiai matematikos kontroliniame darbe", Category: catAssessment,
			Requester:  data.Requester{Name: "Rimantas Šimkus", School: "Kretingos Jūratės gimnazija", Contact: "rimantas.simkus@example.lt"},
			Question:   "Kaip sudaryti kontrolinį darbą, kad užduotys atitiktų visus keturis pasiekimų lygius ir būtų aišku, kaip balai verčiami pažymiu?",
			Answer:     "Atsiuntėme pavyzdinę kontrolinio darbo struktūrą: maždaug 40 % taškų už patenkinamo lygio užduotis, 35 % už pagrindinio ir 25 % už aukštesniojo lygio užduotis. Aptarėme, kad slenksčiai turi būti žinomi mokiniams iš anksto.",
			Consultant: consultantTomas, Status: data.ConsultationAnswered,
		},
		{
			ID: "sample-consultation-08", Date: day(2026, time.October, 19), DurationMin: 50,
			Format: data.FormatRemote, Topic: "Programavimo pradžia su mikrovaldikliais", Category: catDigital,
			Requester:  data.Requester{Name: "Tadas Jankauskas", School: "Plungės Šatrijos progimnazija", Contact: "tadas.jankauskas@example.lt"},
			Question:   "Mokykloje yra dešimt mikrovaldiklių rinkinių, bet jie nenaudojami. Kaip juos įtraukti į informatikos pamokas aštuntokams?",
			Answer:     "Pasiūlėme šešių pamokų seką: šviesos diodai, mygtukai, temperatūros jutiklis ir mažas projektas klasei. Pakvietėme į lapkričio ir gruodžio kursus Kaune.",
			Consultant: consultantLaura, Status: data.ConsultationAnswered, FollowUp: day(2026, time.December, 11),
		},
		{
			ID: "sample-consultation-09", Date: day(2026, time.October, 26), DurationMin: 25,
			Format: data.FormatPhone, Topic: "Kvalifikacijos kursų pažymėjimas", Category: catTraining,
			Requester:  data.Requester{Name: "Gražina Petrauskienė", School: "Šilutės Pamario gimnazija", Contact: "grazina.petrauskiene@example.lt"},
			Question:   "Dalyvavau fizikos kursuose Klaipėdoje, bet negavau pažymėjimo. Kur jį rasti?",
			Answer:     "Pažymėjimas buvo išsiųstas neteisingu adresu. Išsiuntėme dar kartą ir patikrinome, ar jis pasiekė gavėją.",
			Consultant: consultantLaura, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-10", Date: day(2026, time.November, 3), DurationMin: 35,
			Format: data.FormatEmail, Topic: "Olimpiadinių uždavinių rinkiniai 5–6 klasėms", Category: catOlympiads,
			Requester:  data.Requester{Name: "Aistė Valaitytė", School: "Vilniaus Žaliųjų ežerų gimnazija", Contact: "aiste.valaityte@example.lt"},
			Question:   "Ieškau uždavinių jaunesniųjų klasių matematikos būreliui. Ar asociacija turi rinkinį?",
			Answer:     "Atsiuntėme asociacijos parengtą penkiasdešimties uždavinių rinkinį su sprendimais ir pakvietėme į gruodžio 8 d. dirbtuves.",
			Consultant: consultantTomas, Status: data.ConsultationAnswered,
		},
		{
			ID: "sample-consultation-11", Date: day(2026, time.November, 9), DurationMin: 90,
			Format: data.FormatInPerson, Topic: "Gerosios patirties aprašo rengimas", Category: catProjects,
			Requester:  data.Requester{Name: "Dainius Žilvitis", School: "Klaipėdos Kopų gimnazija", Contact: "dainius.zilvitis@example.lt"},
			Question:   "Rengiame aprašą apie judėjimo tyrimus telefono jutikliais. Kaip jį struktūruoti, kad tiktų leidiniui?",
			Answer:     "Peržiūrėjome juodraštį skyrius po skyriaus. Patarėme veiklų dalį suskaidyti pagal pamokas, rezultatų dalyje pateikti testo duomenis, o literatūros sąraše nurodyti tik tai, kas tikrai naudota.\n\nAprašas pateiktas koordinatoriui lapkričio 30 d.",
			Consultant: consultantRasa, Status: data.ConsultationClosed,
		},
		{
			ID: "sample-consultation-12", Date: day(2026, time.November, 16), DurationMin: 20,
			Format: data.FormatRemote, Topic: "Virtualios laboratorijos chemijai", Category: catDigital,
			Requester:  data.Requester{Name: "Inga Baranauskienė", School: "Kėdainių Nevėžio slėnio progimnazija", Contact: "inga.baranauskiene@example.lt"},
			Question:   "Kurios virtualios laboratorijos tinka aštuntokams, kai mokykla neturi traukos spintos?",
			Answer:     "Parekomendavome dvi nemokamas simuliacijas ir priminėme, kad daugelį bandymų su buitinėmis medžiagomis galima atlikti ir be traukos spintos. Pasidalinome seminaro medžiaga apie saugius bandymus.",
			Consultant: consultantTomas, Status: data.ConsultationAnswered,
		},
		{
			ID: "sample-consultation-13", Date: day(2026, time.November, 20), DurationMin: 45,
			Format: data.FormatPhone, Topic: "Mokinio su specialiaisiais poreikiais vertinimas", Category: catAssessment,
			Requester:  data.Requester{Name: "Ramunė Sakalauskienė", School: "Pasvalio Mūšos pagrindinė mokykla", Contact: "ramune.sakalauskiene@example.lt"},
			Question:   "Kaip pritaikyti biologijos laboratorinio darbo vertinimą mokiniui, kuriam sunku rašyti?",
			Answer:     "Aptarėme galimybę išvadas pateikti žodžiu arba diktuoti, o duomenis fiksuoti nuotraukomis. Kriterijai lieka tie patys, keičiasi tik atsiskaitymo forma.",
			Consultant: consultantRasa, Status: data.ConsultationAnswered, FollowUp: day(2026, time.December, 14),
		},
		{
			ID: "sample-consultation-14", Date: day(2026, time.November, 24), DurationMin: 30,
			Format: data.FormatEmail, Topic: "Dalyvio mokestis Žiemos akademijoje", Category: catTraining,
			Requester:  data.Requester{Name: "Karolis Urbonas", School: "Ukmergės Šventosios gimnazija", Contact: "karolis.urbonas@example.lt"},
			Question:   "Ar mokykla gali sumokėti dalyvio mokestį pagal sąskaitą faktūrą, ir iki kada reikia tai padaryti?",
			Answer:     "Taip, sąskaitą išrašysime mokyklai. Mokestį reikia sumokėti iki gruodžio 11 d.; rekvizitus išsiuntėme el. paštu.",
			Consultant: consultantLaura, Status: data.ConsultationAnswered,
		},
		{
			ID: "sample-consultation-15", Date: day(2026, time.November, 27), DurationMin: 60,
			Format: data.FormatRemote, Topic: "Integruota fizikos ir matematikos pamoka", Category: catCurriculum,
			Requester:  data.Requester{Name: "Neringa Čiurlytė", School: "Anykščių Šilelio gimnazija", Contact: "neringa.ciurlyte@example.lt"},
			Question:   "Norime su matematikos mokytoja vesti bendrą pamoką apie tiesinę funkciją ir tolyginį judėjimą. Kaip ją suplanuoti?",
			Answer:     "Pirminis pasiūlymas: mokiniai matuoja vežimėlio judėjimą, o matematikos dalyje iš duomenų sudaro funkcijos formulę. Laukiame pamokos plano juodraščio ir jį pakomentuosime.",
			Consultant: consultantTomas, Status: data.ConsultationInProgress, FollowUp: day(2026, time.December, 9),
		},
		{
			ID: "sample-consultation-16", Date: day(2026, time.December, 1), DurationMin: 40,
			Format: data.FormatInPerson, Topic: "Mokyklos gamtos mokslų savaitės programa", Category: catProjects,
			Requester:  data.Requester{Name: "Jolanta Rimkienė", School: "Šiaulių Vyturėlio progimnazija", Contact: "jolanta.rimkiene@example.lt"},
			Question:   "Kovo mėnesį rengiame gamtos mokslų savaitę. Ar asociacija galėtų padėti su eksperimentų stotelėmis ir pranešėjais?",
			Answer:     "Aptarėme programos metmenis ir galimus pranešėjus. Stotelių aprašus atsiųsime, kai valdyba patvirtins, kurie nariai galės atvykti.",
			Consultant: consultantRasa, Status: data.ConsultationInProgress, FollowUp: day(2027, time.January, 15),
		},
		{
			ID: "sample-consultation-17", Date: day(2026, time.December, 2), DurationMin: 15,
			Format: data.FormatPhone, Topic: "Rajono matematikos olimpiados užduočių vertinimas", Category: catOlympiads,
			Requester:  data.Requester{Name: "Stasys Kavaliauskas", School: "Prienų Revuonos progimnazija", Contact: "+370 5 000 0047"},
			Question:   "Kaip vertinti olimpiados sprendimą, kai atsakymas teisingas, bet įrodymas nepilnas?",
			Answer:     "Pirmiausia pasiūlėme vertinti pagal iš anksto sutartą taškų schemą ir skirti dalinius taškus už pagrįstus žingsnius. Išsamesnį atsakymą su pavyzdžiais parengsime iki kitos savaitės.",
			Consultant: consultantTomas, Status: data.ConsultationInProgress, FollowUp: day(2026, time.December, 7),
		},
		{
			ID: "sample-consultation-18", Date: day(2026, time.December, 3), DurationMin: 30,
			Format: data.FormatEmail, Topic: "Skaitmeniniai jutikliai pradinėse klasėse", Category: catDigital,
			Requester:  data.Requester{Name: "Viktorija Ūselienė", School: "Druskininkų Šaltinėlio pradinė mokykla", Contact: "viktorija.useliene@example.lt"},
			Question:   "Ar temperatūros ir šviesos jutikliai tinka trečiokams, ir kokių saugos taisyklių reikia laikytis?",
			Answer:     "",
			Consultant: consultantLaura, Status: data.ConsultationNew,
		},
		{
			ID: "sample-consultation-19", Date: day(2026, time.December, 4), DurationMin: 20,
			Format: data.FormatRemote, Topic: "Geografijos lauko darbų leidimai", Category: catCurriculum,
			Requester:  data.Requester{Name: "Edvinas Ščiuka", School: "Alytaus Šilagėlių progimnazija", Contact: "edvinas.sciuka@example.lt"},
			Question:   "Kokių tėvų sutikimų reikia, kai lauko darbai vyksta už mokyklos teritorijos ribų pamokų metu?",
			Answer:     "",
			Consultant: consultantRasa, Status: data.ConsultationNew,
		},
		{
			ID: "sample-consultation-20", Date: day(2026, time.December, 4), DurationMin: 10,
			Format: data.FormatPhone, Topic: "Vietos Žiemos akademijoje", Category: catTraining,
			Requester:  data.Requester{Name: "Aldona Įsakaitė", School: "Tauragės Jūros gimnazija", Contact: "aldona.isakaite@example.lt"},
			Question:   "Ar dar yra laisvų vietų Žiemos akademijoje Trakuose?",
			Answer:     "",
			Consultant: consultantLaura, Status: data.ConsultationNew,
		},
	}
}
