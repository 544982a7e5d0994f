package main

import "partneryste/data"

func caseCanteenStatistics() practiceCase {
	return practiceCase{
		ID:    "sample-case-04",
		Title: "Statistika iš tikrų duomenų: ką valgo mūsų mokykla",
		Authors: []data.Author{
			{Name: "Vaida Kęstutienė", School: "Panevėžio Upelio gimnazija", Role: "Matematikos mokytoja metodininkė"},
		},
		Subject:  "Matematika",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "7 kl.",
		Keywords: []string{"statistika", "duomenų rinkimas", "vidurkis ir mediana", "diagramos", "sveika mityba"},
		Summary: paragraphs(
			"Vadovėlio uždaviniuose duomenys visada tvarkingi: dešimt skaičių, kurių vidurkį reikia apskaičiuoti. Tikri duomenys yra kitokie – jų daug, jie netvarkingi, o kai kurių trūksta. Šiame apraše pasakojama, kaip septintokai keturias savaites rinko duomenis apie mokyklos valgyklos patiekalus ir jų likučius, juos tvarkė ir analizavo.",
			"Mokiniai patys sukūrė stebėjimo lapą, kiekvieną dieną po pietų pertraukos registravo, kiek porcijų kiekvieno patiekalo išduota ir kiek maisto liko lėkštėse, o vėliau skaičiavo vidurkius, medianas ir modas, braižė diagramas ir rengė rekomendacijas valgyklai.",
			"Projektas sujungė statistikos temą su sveikos mitybos ir atsakingo vartojimo klausimais. Jo rezultatai buvo pristatyti mokyklos tarybai, o valgykla pakeitė dviejų patiekalų receptus.",
		),
		Goals: paragraphs(
			"Tikslas – kad mokiniai suprastų statistikos paskirtį: ji padeda priimti sprendimus, kai duomenų yra daug ir jie nevienodi.",
			"Uždaviniai: suplanuoti duomenų rinkimą ir susitarti dėl vienodų matavimo taisyklių; sutvarkyti duomenis lentelėje; apskaičiuoti ir palyginti vidurkį, medianą ir modą bei paaiškinti, kada kuris rodiklis tinka geriau; pasirinkti tinkamą diagramą ir ją teisingai pavadinti; parašyti išvadą, kurią suprastų ne matematikas.",
			"Be dalykinių tikslų, siekėme ugdyti pilietiškumą: mokiniai pamatė, kad jų darbas gali pakeisti kasdienį mokyklos gyvenimą.",
		),
		Activities: paragraphs(
			"Pirmąją savaitę klasė diskutavo, kokius klausimus apie valgyklą norėtų ištirti. Iš daugybės pasiūlymų atrinkome du: „Kurie patiekalai populiariausi?“ ir „Kiek maisto išmetama?“. Mokiniai kartu su valgyklos vedėja sukūrė stebėjimo lapą ir sutarė, kaip vertinti likučius: lėkštė tuščia, liko mažiau nei pusė, liko daugiau nei pusė.",
			"Kitas tris savaites kiekvieną dieną budėjo du mokiniai. Jie stebėjo lėkščių grąžinimo vietą ir žymėjo likučius, o valgyklos vedėja pateikdavo išduotų porcijų skaičių. Duomenys buvo suvedami į bendrą skaičiuoklę, o kas penktadienį klasė peržiūrėdavo, ar duomenys surašyti vienodai, ir taisydavo klaidas.",
			"Baigę rinkti duomenis, mokiniai grupėse analizavo skirtingus patiekalus: skaičiavo vidutinę išduotų porcijų dalį, likučių medianą ir modą, braižė stulpelines ir skritulines diagramas. Kiekviena grupė turėjo paaiškinti, kodėl pasirinko būtent tokią diagramą ir kodėl kai kuriuos rodiklius laiko patikimesniais už kitus.",
			"Paskutinę savaitę grupės parengė trumpą pranešimą ir rekomendacijas valgyklai. Geriausias rekomendacijas klasė išrinko balsuodama, o du mokiniai jas pristatė mokyklos tarybos posėdyje.",
		),
		Methods: paragraphs(
			"Taikėme projektinį mokymąsi, kurio metu mokiniai sprendė tikrą, jiems rūpimą problemą. Statistikos sąvokas įvedėme tada, kai jų prireikė: mediana atsirado diskusijoje apie tai, kodėl vienas labai didelis likutis „sugadina“ vidurkį.",
			"Priemonės: stebėjimo lapai su lentele, planšetė duomenims suvesti, bendra skaičiuoklė debesyje, projektorius. Valgyklos vedėja kas dieną pateikdavo išduotų porcijų skaičių.",
			"Darbas buvo organizuojamas grupėmis po keturis mokinius, tačiau duomenis rinko ir tikrino visa klasė, todėl kiekvienas jautėsi atsakingas už bendrą rezultatą. Aiškiai sutartos taisyklės leido išvengti ginčų dėl to, kas ir kaip užregistravo.",
		),
		Results: paragraphs(
			"Per tris savaites mokiniai surinko daugiau nei 2 400 įrašų. Paaiškėjo, kad daugiausia likučių palieka dvi sriubos ir troškinys su daržovėmis, o populiariausi patiekalai – blynai ir vištienos kukuliai.",
			"Matematikos pasiekimus vertinome pagal grupės ataskaitą ir individualų testą. Teste uždavinį, kuriame reikėjo pasirinkti tinkamą rodiklį (vidurkį arba medianą) ir pagrįsti pasirinkimą, teisingai išsprendė 71 % mokinių. Mokytojų nuomone, tai geresnis rezultatas nei ankstesniais metais, kai statistika buvo mokoma tik iš vadovėlio.",
			"Valgykla pakeitė dviejų nepopuliarių patiekalų receptus ir po mėnesio paprašė mokinių tyrimą pakartoti. Pakartotinis tyrimas parodė, kad šių patiekalų likučių sumažėjo maždaug trečdaliu.",
		),
		Recommendations: paragraphs(
			"Nuo pat pradžių susitarkite dėl matavimo taisyklių ir užrašykite jas stebėjimo lape. Be jų skirtingų dienų duomenų nebus galima palyginti.",
			"Įtraukite valgyklos darbuotojus kaip partnerius, o ne kaip tikrinamus asmenis. Jie daug žino apie tai, ką valgo vaikai, ir jiems patiems rūpi, kad maistas nebūtų išmetamas.",
			"Nesibaiminkite netvarkingų duomenų. Trūkstami įrašai, klaidos ir išskirtys yra vertingiausia mokymosi medžiaga, nes su jomis susiduria kiekvienas tikras tyrėjas.",
		),
		References: paragraphs(
			"Boaler, J. (2016). Mathematical Mindsets. San Franciskas: Jossey-Bass.",
			"Franklin, C., Kader, G., Mewborn, D. ir kt. (2007). Guidelines for Assessment and Instruction in Statistics Education (GAISE) Report: A Pre-K–12 Curriculum Framework. Aleksandrija: American Statistical Association.",
			"Krajcik, J. S., Blumenfeld, P. C. (2006). Project-based learning. The Cambridge Handbook of the Learning Sciences (p. 317–334). Kembridžas: Cambridge University Press.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseReady,
	}
}

func caseAirQualityStation() practiceCase {
	return practiceCase{
		ID:    "sample-case-05",
		Title: "Oro kokybės stotelė klasėje: mikrovaldikliai gamtos mokslų pamokose",
		Authors: []data.Author{
			{Name: "Mindaugas Čeponis", School: "Kauno Nevėžio krantų gimnazija", Role: "Informatikos mokytojas"},
			{Name: "Ieva Šarkaitė", School: "Kauno Nevėžio krantų gimnazija", Role: "Chemijos mokytoja"},
		},
		Subject:  "Informatika",
		Levels:   []data.EducationLevel{data.LevelBasic, data.LevelSecondary},
		Grades:   "9–12 kl. (I–IV gimn. kl.)",
		Keywords: []string{"mikrovaldikliai", "programavimas", "CO₂ koncentracija", "vėdinimas", "daiktų internetas", "integruotas projektas"},
		Summary: paragraphs(
			"Gimnazistai sukūrė paprastas oro kokybės stoteles, kurios matuoja anglies dioksido koncentraciją, temperatūrą ir drėgmę klasėse. Projektas sujungė informatikos, chemijos ir biologijos pamokas: mokiniai programavo mikrovaldiklius, aiškinosi, kodėl CO₂ koncentracija svarbi savijautai ir mokymuisi, ir analizavo savo surinktus duomenis.",
			"Per pusmetį šešios stotelės veikė skirtingose klasėse. Duomenys parodė, kad dažniausiai oras pablogėja antroje pamokos pusėje, ypač mažose klasėse, kai langai uždaryti, o trumpas vėdinimas per pertrauką greitai pagerina padėtį.",
			"Apraše pateikiame projekto eigą, programavimo užduočių seką ir rekomendacijas mokykloms, norinčioms pakartoti projektą.",
		),
		Goals: paragraphs(
			"Tikslas – parodyti mokiniams, kad programavimas yra tikrų problemų sprendimo įrankis, ir išmokyti juos kurti matavimo prietaisą nuo idėjos iki veikiančio prototipo.",
			"Uždaviniai: prijungti jutiklius prie mikrovaldiklio ir nuskaityti jų duomenis; parašyti programą, kuri kas minutę išsaugo matavimus ir įspėja šviesos signalu, kai koncentracija viršija nustatytą ribą; palyginti savo stotelės rodmenis su kalibruotu prietaisu; išanalizuoti savaitės duomenis ir parengti vėdinimo rekomendacijas.",
			"Chemijos pamokose siekėme, kad mokiniai suprastų, iš kur klasėje atsiranda anglies dioksidas, kaip jis matuojamas ir kodėl koncentracija išreiškiama milijoninėmis dalimis (ppm).",
		),
		Activities: paragraphs(
			"Projektas truko aštuonias savaites. Pirmąsias tris savaites informatikos pamokose mokiniai mokėsi valdyti šviesos diodus, skaityti mygtuko būseną ir jutiklių duomenis. Kiekvienas žingsnis baigdavosi maža veikiančia programa, kurią mokiniai išsaugodavo bendroje saugykloje.",
			"Ketvirtąją ir penktąją savaites grupės surinko stoteles: prijungė CO₂, temperatūros ir drėgmės jutiklius, ekraną ir įspėjamąjį šviesos diodą, sudėjo viską į 3D spausdintuvu išspausdintą korpusą. Chemijos pamokoje mokiniai palygino savo stotelių rodmenis su mokyklos turimu kalibruotu prietaisu ir įvedė pataisas.",
			"Šeštąją ir septintąją savaites stotelės veikė šešiose klasėse. Mokiniai kas dieną perkeldavo duomenis į skaičiuoklę ir žymėdavo, kada buvo atidaryti langai. Paskutinę savaitę grupės analizavo duomenis, braižė grafikus ir rengė rekomendacijas mokytojams bei mokyklos administracijai.",
		),
		Methods: paragraphs(
			"Projektinis mokymasis su aiškiais tarpiniais rezultatais: kiekvienos savaitės pabaigoje grupė turėjo parodyti veikiančią dalį. Tai padėjo laiku pastebėti, kuri grupė stringa, ir jai padėti.",
			"Priemonės: šeši mikrovaldiklių rinkiniai, CO₂ jutikliai, temperatūros ir drėgmės jutikliai, nedideli ekranai, šviesos diodai, jungiamieji laidai, 3D spausdintuvas, kompiuteriai su programavimo aplinka. Rinkiniai įsigyti iš mokyklos skaitmeninimo lėšų, vienos stotelės kaina – maždaug 45 eurai.",
			"Informatikos ir chemijos mokytojai planavo pamokas kartu ir du kartus vedė jas dviese. Mokiniai grupėse pasiskirstė vaidmenimis: programuotojas, konstruktorius, duomenų analitikas ir pranešėjas.",
		),
		Results: paragraphs(
			"Visos šešios grupės sukūrė veikiančias stoteles. Keturių stotelių rodmenys nuo kalibruoto prietaiso skyrėsi ne daugiau kaip 50 ppm, dviejų – daugiau, todėl mokiniai ieškojo priežasčių ir nustatė, kad jutikliai buvo per arti šilumos šaltinio.",
			"Duomenys parodė, kad mažose klasėse, kai langai uždaryti, CO₂ koncentracija po 25–30 minučių viršija 1 500 ppm. Mokinių parengtos rekomendacijos – vėdinti per kiekvieną pertrauką ir ilgų pamokų viduryje – buvo aptartos mokytojų tarybos posėdyje.",
			"Vertindami atsižvelgėme į prototipo veikimą, programos kodo aiškumą, duomenų analizę ir pristatymą. Mokiniai nurodė, kad labiausiai juos motyvavo galimybė sukurti tai, kas iš tikrųjų naudojama mokykloje.",
		),
		Recommendations: paragraphs(
			"Pradėkite nuo paprasčiausių užduočių ir neskubėkite prie jutiklių. Mokiniai, kurie gerai supranta, kaip veikia šviesos diodas ir mygtukas, vėliau daug greičiau išsiaiškina sudėtingesnius dalykus.",
			"Jutiklius kalibruokite ir kiekvienos stotelės rodmenis palyginkite su patikimu prietaisu. Šis etapas moko kritiškai vertinti duomenis ir yra puiki proga pasikalbėti apie matavimo paklaidas.",
			"Su mokyklos administracija iš anksto aptarkite, kaip bus panaudoti rezultatai. Mokiniai nusipelno sužinoti, kad jų darbas kažką pakeitė.",
		),
		References: paragraphs(
			"Papert, S. (1980). Mindstorms: Children, Computers, and Powerful Ideas. Niujorkas: Basic Books.",
			"Satish, U., Mendell, M. J., Shekhar, K. ir kt. (2012). Is CO₂ an indoor pollutant? Direct effects of low-to-moderate CO₂ concentrations on human decision-making performance. Environmental Health Perspectives, 120(12), 1671–1677.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2026). Programavimas su mikrovaldikliais: kursų medžiaga mokytojams. Kaunas.",
		),
		Licence: "CC BY-SA 4.0",
		Status:  data.CaseReturned,
	}
}
