package main

import "partneryste/data"

// practiceCases returns the good-practice cases. Every section has several
// paragraphs, because the editor, the search and the publication PDF are
// all built for long texts, and a sample with one-line sections would hide
// how they behave.
func practiceCases() []practiceCase {
	return []practiceCase{
		caseSchoolyardBiodiversity(),
		caseKitchenChemistry(),
		casePhoneSensors(),
		caseCanteenStatistics(),
		caseAirQualityStation(),
		caseTownMap(),
		caseDiscoveryBoxes(),
		casePopularScienceText(),
		caseWaterQuality(),
		caseAstronomyEvenings(),
	}
}

func caseSchoolyardBiodiversity() practiceCase {
	return practiceCase{
		ID:    "sample-case-01",
		Title: "Mokyklos kiemo biologinės įvairovės tyrimas",
		Authors: []data.Author{
			{Name: "Rasa Ąžuolienė", School: "Šiaulių Vyturėlio progimnazija", Role: "Biologijos mokytoja metodininkė"},
			{Name: "Giedrius Šaltenis", School: "Šiaulių Vyturėlio progimnazija", Role: "Geografijos mokytojas"},
		},
		Subject:  "Biologija",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "6–7 kl.",
		Keywords: []string{"biologinė įvairovė", "lauko tyrimai", "tyrinėjimu grįstas mokymas", "augalų apibūdinimas", "ekosistema"},
		Summary: paragraphs(
			"Aprašas pasakoja, kaip šeštokai ir septintokai per du mėnesius ištyrė savo mokyklos kiemo biologinę įvairovę ir palygino tris skirtingai prižiūrimus plotus: nuolat pjaunamą veją, nepjaunamą pievelę prie tvoros ir seną sodą. Tyrimas vyko per biologijos ir geografijos pamokas bei vieną projektinę dieną, o visi duomenys buvo kaupiami bendroje skaičiuoklėje.",
			"Mokiniai išmoko žymėti tyrimo plotus, naudotis apibūdinimo raktais, skaičiuoti rūšių gausą ir pagrįsti išvadas savo surinktais duomenimis. Paaiškėjo, kad nepjaunamoje pievelėje augalų ir vabzdžių rūšių rasta beveik tris kartus daugiau nei vejoje, ir šis atradimas tapo pokalbio su mokyklos administracija pradžia.",
			"Veiklą nesunku pritaikyti bet kuriai mokyklai: reikia tik kelių metrų virvės, kuoliukų, padidinamųjų stiklų ir apibūdinimo kortelių. Apraše rasite pamokų eigą, užduočių lapo struktūrą ir vertinimo kriterijus.",
		),
		Goals: paragraphs(
			"Pagrindinis tikslas – kad mokiniai patys patirtų, kaip gamtininkas kelia klausimą, planuoja stebėjimą ir daro išvadą, o ne tik perskaitytų apie biologinę įvairovę vadovėlyje. Norėjome, kad sąvokos „rūšis“, „populiacija“ ir „ekosistema“ įgytų prasmę, susietą su gerai pažįstama vieta.",
			"Uždaviniai: išmokyti mokinius pasižymėti vieno kvadratinio metro tyrimo plotus ir sistemingai juose registruoti augalus bei bestuburius gyvūnus; naudotis paprastais apibūdinimo raktais ir programėle, tikrinant jos pasiūlymus pagal požymius; apdoroti duomenis skaičiuoklėje ir pavaizduoti juos stulpeline diagrama; remiantis duomenimis suformuluoti pagrįstą rekomendaciją mokyklos bendruomenei.",
			"Kartu siekėme ugdyti bendradarbiavimą ir atsakomybę už aplinką: kiekviena grupė rūpinosi savo plotu, o bendrą išvadą klasė rengė kartu.",
		),
		Activities: paragraphs(
			"Pirmoji pamoka buvo skirta klausimui. Mokiniai išėjo į kiemą be jokių užduočių ir dešimt minučių tiesiog stebėjo, o grįžę į klasę užrašė visus kilusius klausimus. Iš jų kartu atrinkome tokį, kurį galima ištirti per kelias savaites: „Kur mūsų kieme gyvena daugiausia skirtingų augalų ir gyvūnų?“ Mokiniai iškėlė hipotezes; dauguma spėjo, kad daugiausia rūšių bus sode, nes ten auga didžiausi medžiai.",
			"Antrąją ir trečiąją pamokas dirbome lauke. Penkios grupės kiekviename iš trijų plotų virve ir kuoliukais pasižymėjo po du kvadratus (1 × 1 m). Per 20 minučių grupė surašė visas rastas augalų rūšis, suskaičiavo žydinčius augalus ir, pasitelkusi padidinamuosius stiklus, užregistravo bestuburius gyvūnus. Nežinomas rūšis mokiniai fotografavo ir apibūdino klasėje, tikrindami programėlės pasiūlymus pagal apibūdinimo raktą.",
			"Ketvirtoji pamoka vyko informatikos kabinete. Grupės suvedė duomenis į bendrą skaičiuoklės lentelę, apskaičiavo vidutinį rūšių skaičių kiekviename plote ir nubraižė diagramas. Geografijos pamokoje mokiniai pažymėjo tyrimo plotus mokyklos teritorijos plane ir aptarė, kaip ploto vieta, apšvietimas ir drėgmė gali lemti rezultatus.",
			"Projektinę dieną grupės parengė plakatus ir pristatė juos penktokams bei mokyklos direktoriui. Pristatymo pabaigoje mokiniai pasiūlė palikti nepjaunamą juostą palei tvorą ir pastatyti ten vabzdžių viešbutį. Pasiūlymas buvo priimtas, o kitą pavasarį tyrimą pakartosime ir pažiūrėsime, kaip pasikeitė įvairovė.",
		),
		Methods: paragraphs(
			"Taikėme tyrinėjimu grįsto mokymo ciklą: klausimas, hipotezė, planavimas, duomenų rinkimas, analizė, išvados ir pristatymas. Pirmąjį kvadratą mokytojas aprašė kartu su visa klase, o toliau grupės dirbo savarankiškai pagal užduočių lapą su aiškia duomenų lentele.",
			"Priemonės: 30 m virvė, 24 mediniai kuoliukai, ruletė, padidinamieji stiklai, baltos plastikinės vonelės vabzdžiams apžiūrėti, laminuotos augalų ir bestuburių apibūdinimo kortelės, planšetės su augalų atpažinimo programėle ir bendra skaičiuoklė debesyje. Visos priemonės tilpo į vieną dėžę, kurią dabar skoliname ir kitoms klasėms.",
			"Kiekvienas grupės narys turėjo vaidmenį: matuotojas, registruotojas, fotografas ir tikrintojas. Vaidmenys keitėsi tiriant kiekvieną plotą, todėl visi išbandė visas užduotis. Tai ypač padėjo mokiniams, kuriems sunkiau sekasi rašyti: jie galėjo pasireikšti fotografuodami ir tikrindami apibūdinimą.",
		),
		Results: paragraphs(
			"Vejos kvadrate mokiniai vidutiniškai rado 4 augalų rūšis, sode – 7, o nepjaunamoje pievelėje – 11. Bestuburių gyvūnų skirtumas buvo dar didesnis. Hipotezė, kad daugiausia rūšių bus sode, nepasitvirtino, ir būtent tai mokiniams paliko didžiausią įspūdį: diskusija apie tai, kodėl suklydome, buvo vienas gyviausių projekto momentų.",
			"Pasiekimus vertinome pagal keturis kriterijus: duomenų rinkimo tikslumą, lentelės ir diagramos tvarkingumą, išvados pagrįstumą duomenimis ir įsitraukimą į grupės darbą. Kriterijus mokiniai žinojo nuo pirmos dienos. Pažymiu vertinome plakatą ir jo pristatymą, o lauko darbus – formuojamai, žodžiu ir trumpais komentarais užduočių lapuose.",
			"Trumpoje apklausoje 41 iš 48 mokinių nurodė, kad tokios pamokos jiems patiko labiau nei įprastos, o 35 teisingai paaiškino, kodėl vieno kvadrato duomenų nepakanka išvadai. Mokytojų nuomone, labiausiai pagerėjo mokinių gebėjimas kalbėti apie duomenis: jie ėmė sakyti „mūsų duomenys rodo“, o ne „man atrodo“.",
		),
		Recommendations: paragraphs(
			"Tyrimą pradėkite rugsėjį arba gegužę, kai augalai dar žydi, o vabzdžiai aktyvūs. Lietingai dienai turėkite atsarginį planą, pavyzdžiui, apibūdinimo pratybas su nuotraukomis klasėje.",
			"Nesistenkite, kad mokiniai kiekvieną rūšį apibūdintų iki pavadinimo. Šiam tyrimui pakanka atskirti skirtingas rūšis ir pažymėti jas sutartiniu kodu (pvz., „A1 – geltonžiedis dantytais lapais“). Taip mokiniai nebijo suklysti ir daugiau laiko skiria stebėjimui.",
			"Iš anksto susitarkite su ūkio dalies vedėju, kad tyrimo laikotarpiu pievelė nebūtų pjaunama, ir pakvieskite administracijos atstovą į baigiamąjį pristatymą: mokiniams svarbu matyti, kad jų išvados turi pasekmių.",
		),
		References: paragraphs(
			"Pedaste, M., Mäeots, M., Siiman, L. A. ir kt. (2015). Phases of inquiry-based learning: Definitions and the inquiry cycle. Educational Research Review, 14, 47–61.",
			"Harlen, W. (2013). Assessment & Inquiry-Based Science Education: Issues in Policy and Practice. Triestas: IAP Science Education Programme.",
			"Švietimo, mokslo ir sporto ministerija (2022). Pradinio, pagrindinio ir vidurinio ugdymo bendrosios programos. Vilnius.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2025). Lauko tyrimai mokyklos teritorijoje: metodinės rekomendacijos. Vilnius.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CasePublished,
	}
}

func caseKitchenChemistry() practiceCase {
	return practiceCase{
		ID:    "sample-case-02",
		Title: "Virtuvės chemija: rūgštys ir bazės su raudonųjų kopūstų indikatoriumi",
		Authors: []data.Author{
			{Name: "Jurgita Pečiulienė", School: "Kauno Ąžuolyno parko progimnazija", Role: "Chemijos mokytoja ekspertė"},
		},
		Subject:  "Chemija",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "8 kl.",
		Keywords: []string{"rūgštys ir bazės", "indikatoriai", "pH skalė", "buitinė chemija", "saugus eksperimentas"},
		Summary: paragraphs(
			"Rūgščių ir bazių tema aštuntokams dažnai atrodo abstrakti: formulės, skalė nuo 0 iki 14 ir keletas spalvotų juostelių. Šiame apraše pasakojama, kaip tą pačią temą išmokome per buitines medžiagas, kurias mokiniai kasdien mato virtuvėje ir vonios kambaryje.",
			"Iš raudonųjų kopūstų mokiniai pasigamino natūralų indikatorių, juo ištyrė dvylika buitinių medžiagų ir pagal spalvas sudarė savo pH skalę. Vėliau rezultatus patikrino universaliuoju indikatoriumi ir pH matuokliu, o neatitikimus aiškinosi patys.",
			"Ciklą sudaro trys pamokos ir namų užduotis. Jam nereikia brangių reagentų, todėl jį gali įgyvendinti ir mokykla, neturinti gerai įrengtos laboratorijos.",
		),
		Goals: paragraphs(
			"Siekėme, kad mokiniai suprastų, jog rūgštingumas yra matuojama medžiagos savybė, o ne vien vadovėlio sąvoka, ir kad indikatorius tik parodo, kokia yra terpė, bet jos nesukuria.",
			"Uždaviniai: pagaminti indikatorių ir paaiškinti, kodėl jis keičia spalvą; saugiai ištirti buitines medžiagas ir jas sugrupuoti į rūgštis, bazes ir neutralias medžiagas; palyginti trijų matavimo būdų tikslumą; taikyti žinias aiškinant kasdienius reiškinius, pavyzdžiui, kodėl kalkių nuosėdas valome actu.",
			"Ne mažiau svarbus tikslas – saugaus darbo įpročiai: mokiniai patys parengė darbo su buitine chemija taisykles ir jų laikėsi visose pamokose.",
		),
		Activities: paragraphs(
			"Pirmoje pamokoje pradėjome nuo klausimo: „Kodėl arbata su citrina pašviesėja?“ Mokiniai kėlė spėjimus, o tada stebėjo, kaip raudonųjų kopūstų nuoviras keičia spalvą, įlašinus acto ir įbėrus sodos. Kartu aptarėme, kad augaluose esantys antocianinai yra natūralūs indikatoriai.",
			"Antroje pamokoje grupės ištyrė dvylika medžiagų: actą, citrinų sultis, gazuotą vandenį, pieną, muilą, sodą, skalbimo miltelius, dantų pastą, šampūną, vandentiekio ir distiliuotą vandenį bei indų ploviklį. Kiekviena grupė lašino indikatorių į vienodus indelius, fotografavo spalvas ant balto fono ir surašė rezultatus į lentelę.",
			"Trečioje pamokoje mokiniai išdėliojo nuotraukas nuo raudonos iki geltonai žalios ir sudarė savo spalvų skalę. Tada tas pačias medžiagas ištyrė universaliuoju indikatoriumi ir pH matuokliu. Grupės lygino tris rezultatų eilutes ir aiškinosi, kodėl kai kurių medžiagų, pavyzdžiui, pieno ir dantų pastos, rezultatai skyrėsi.",
			"Namuose mokiniai su tėvais patikrino dar dvi pasirinktas medžiagas ir parašė trumpą paaiškinimą, kaip žinias apie rūgštis ir bazes galima panaudoti buityje. Geriausi darbai buvo pakabinti chemijos kabineto koridoriuje.",
		),
		Methods: paragraphs(
			"Pamokos buvo grindžiamos eksperimentu ir diskusija: mokytoja neatskleidė atsakymų, o klausimais vedė mokinius prie paaiškinimo. Taikėme „spėk – stebėk – paaiškink“ metodą: prieš kiekvieną bandymą mokiniai užrašydavo spėjimą, o po jo aptardavo, ar jis pasitvirtino.",
			"Priemonės: pusė raudonojo kopūsto galvos, virdulys, sietelis, plastikiniai puodeliai arba porcelianinė lėkštė su duobutėmis, pipetės, universaliojo indikatoriaus popierėlis, vienas mokyklinis pH matuoklis, apsauginiai akiniai ir pirštinės. Visos tirtos medžiagos įsigytos parduotuvėje ir skiestos pagal instrukciją.",
			"Saugos taisykles mokiniai suformulavo patys, remdamiesi produktų etiketėmis ir pavojingumo piktogramomis. Skalbimo miltelius ir kanalizacijos valiklį mokytoja paruošė iš anksto ir laikė tik ant savo stalo.",
		),
		Results: paragraphs(
			"Visos grupės teisingai sugrupavo bent 10 iš 12 medžiagų, o jų spalvų skalės gerai sutapo su universaliojo indikatoriaus rezultatais. Daugiausia diskusijų kėlė pienas ir vandentiekio vanduo, kurių spalvos skirtumas buvo sunkiai pastebimas.",
			"Kontroliniame darbe uždavinį, kuriame reikėjo paaiškinti, kodėl skrandžio rūgštingumą mažina soda, teisingai išsprendė 78 % mokinių; ankstesniais metais, kai temą dėstėme tradiciškai, panašų uždavinį išspręsdavo apie pusė mokinių.",
			"Mokiniai ypač vertino galimybę tyrinėti tai, ką turi namuose. Keli tėvai parašė, kad vaikai jiems pirmą kartą paaiškino, kodėl buitinės chemijos negalima maišyti.",
		),
		Recommendations: paragraphs(
			"Indikatorių paruoškite pamokos dieną arba laikykite šaldytuve ne ilgiau kaip dvi dienas: senstantis nuoviras blunka, ir spalvos tampa nebe tokios ryškios.",
			"Fotografuokite spalvas ant balto popieriaus, esant vienodam apšvietimui. Nuotraukos leidžia grįžti prie rezultatų kitą pamoką ir yra puiki medžiaga aptarti matavimo paklaidas.",
			"Nepraleiskite diskusijos apie tai, kodėl rezultatai skiriasi. Tai vertingiausia ciklo dalis, nes mokiniai mato, kad mokslas remiasi tikrinimu ir kad net paprastas matavimas turi ribas.",
		),
		References: paragraphs(
			"Atkins, P., Jones, L. (2010). Chemical Principles: The Quest for Insight. 5-asis leid. Niujorkas: W. H. Freeman.",
			"White, R., Gunstone, R. (1992). Probing Understanding. Londonas: Falmer Press.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2024). Saugūs chemijos bandymai su buitinėmis medžiagomis. Vilnius.",
		),
		Licence: "CC BY-SA 4.0",
		Status:  data.CaseApproved,
	}
}
