package main

import "partneryste/data"

func caseTownMap() practiceCase {
	return practiceCase{
		ID:    "sample-case-06",
		Title: "Gimtojo miesto žemėlapis: lauko duomenys GIS platformoje",
		Authors: []data.Author{
			{Name: "Aurimas Vėjelis", School: "Alytaus Šilagėlių progimnazija", Role: "Geografijos mokytojas"},
		},
		Subject:  "Geografija",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "7–8 kl.",
		Keywords: []string{"geografinės informacinės sistemos", "žemėlapis", "lauko darbai", "vietovės pažinimas", "skaitmeninis raštingumas"},
		Summary: paragraphs(
			"Aprašas dar rengiamas. Jame pasakojama, kaip aštuntokai per lauko darbus surinko duomenis apie savo mikrorajono žaliąsias erdves, žaidimų aikšteles ir pavojingas sankryžas ir sudėjo juos į bendrą žemėlapį naršyklėje veikiančioje GIS platformoje.",
			"Mokiniai mokėsi skaityti koordinates, fotografuoti objektus su vietos žyma, kurti žemėlapio sluoksnius ir legendą, o baigiamajame etape pasakojo savo tyrimo istoriją žemėlapiu.",
			"Projektas dar nebaigtas: šiuo metu mokiniai rengia pristatymą seniūnijai, todėl rezultatų ir rekomendacijų dalys bus papildytos vėliau.",
		),
		Goals: paragraphs(
			"Tikslas – kad mokiniai pažintų savo gyvenamąją vietovę kaip tyrimo objektą ir išmoktų žemėlapį naudoti ne tik orientuotis, bet ir argumentuoti.",
			"Uždaviniai: išmokyti nustatyti ir užrašyti geografines koordinates; sukurti bent tris teminius žemėlapio sluoksnius su aiškia legenda; palyginti savo surinktus duomenis su oficialiais savivaldybės duomenimis; parengti pasiūlymą, kaip pagerinti mikrorajono aplinką.",
			"Papildomas tikslas – skaitmeninio raštingumo įgūdžiai: duomenų privatumas fotografuojant viešose vietose, autorių teisės ir atsakingas dalijimasis žemėlapiu.",
		),
		Activities: paragraphs(
			"Įvadinėje pamokoje mokiniai lygino popierinį ir skaitmeninį miesto žemėlapį ir aiškinosi, ką kiekvienas iš jų parodo geriau. Tada grupės pasirinko temas: žaliosios erdvės, vaikų žaidimų aikštelės, dviračių takai ir pavojingos sankryžos.",
			"Ėjome į lauko darbus mikrorajone du kartus. Grupės fotografavo objektus, užrašydavo jų koordinates ir trumpą aprašymą, o pavojingose sankryžose penkiolika minučių skaičiavo pravažiuojančius automobilius ir pėsčiuosius.",
			"Informatikos kabinete mokiniai sukėlė duomenis į GIS platformą, sukūrė sluoksnius, parinko simbolius ir spalvas. Dabar grupės rengia pasakojimą žemėlapiu – interaktyvų pristatymą, kuriame tekstas, nuotraukos ir žemėlapis keičiasi kartu.",
		),
		Methods: paragraphs(
			"Taikome lauko tyrimų ir projektinio mokymosi derinį. Kiekvienas etapas baigiasi grupės refleksija: ką pavyko surinkti, ko trūksta, ką darysime kitą kartą.",
			"Priemonės: mokinių telefonai su vietos nustatymo funkcija, planšetės, naršyklėje veikianti GIS platforma su mokyklos paskyra, spausdintas mikrorajono žemėlapis, liemenės su atšvaitais lauko darbams.",
			"Lauko darbai vyksta tik su dviem suaugusiaisiais, maršrutas iš anksto suderinamas su mokyklos administracija, o tėvai apie juos informuojami el. dienyne.",
		),
		Results: paragraphs(
			"Kol kas mokiniai surinko 146 taškus ir sukūrė keturis sluoksnius. Pirmieji pastebėjimai rodo, kad dviračių takai mikrorajone nutrūksta prie dviejų didžiausių sankryžų.",
			"Vertinimo kriterijai jau aptarti su mokiniais: duomenų tikslumas, žemėlapio aiškumas, pasakojimo logika ir pasiūlymo pagrįstumas.",
			"Galutiniai rezultatai ir mokinių apklausos duomenys bus įrašyti baigus projektą.",
		),
		Recommendations: paragraphs(
			"Pradėkite nuo mažo ploto: mokyklos aplinka arba vienas kvartalas. Didelė teritorija išsklaido dėmesį, ir duomenų tampa per daug.",
			"Iš anksto išbandykite platformą su mokyklos paskyra ir patikrinkite, ar mokinių telefonai įrašo vietą nuotraukose.",
			"Aptarkite privatumą: žmonių veidų ir automobilių numerių nefotografuojame, o jei jie pateko į kadrą, nuotraukos į žemėlapį nekeliame.",
		),
		References: paragraphs(
			"Kerski, J. J. (2003). The implementation and effectiveness of geographic information systems technology and methods in secondary education. Journal of Geography, 102(3), 128–137.",
			"Favier, T. T., van der Schee, J. A. (2012). Exploring the characteristics of an optimal design for inquiry-based geography education with Geographic Information Systems. Computers & Education, 58(1), 666–677.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2026). Geografinės informacinės sistemos pamokose: seminaro medžiaga. Alytus.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseDraft,
	}
}

func caseDiscoveryBoxes() practiceCase {
	return practiceCase{
		ID:    "sample-case-07",
		Title: "Tyrinėjimo dėžės: vanduo, šviesa ir augalai pradinėse klasėse",
		Authors: []data.Author{
			{Name: "Ona Lapienė", School: "Druskininkų Šaltinėlio pradinė mokykla", Role: "Pradinių klasių mokytoja metodininkė"},
			{Name: "Simona Rūtelė", School: "Druskininkų Šaltinėlio pradinė mokykla", Role: "Priešmokyklinio ugdymo pedagogė"},
		},
		Subject:  "Pradinis ugdymas",
		Levels:   []data.EducationLevel{data.LevelPreschool, data.LevelPrimary},
		Grades:   "Priešmokyklinė grupė, 1–4 kl.",
		Keywords: []string{"pasaulio pažinimas", "tyrinėjimas", "vanduo", "šviesa ir šešėliai", "augalų augimas", "žaidybinis mokymasis"},
		Summary: paragraphs(
			"Tyrinėjimo dėžė – tai stalčių dėžė su paprastomis priemonėmis ir užduočių kortelėmis, kurias vaikai gali naudoti savarankiškai ar mažose grupėse. Mūsų mokykloje sukūrėme tris dėžes: „Vanduo“, „Šviesa ir šešėliai“ ir „Augalai auga“.",
			"Dėžės keliauja iš klasės į klasę: kiekviena klasė vieną dėžę turi dvi savaites, o mokytoja jos užduotis įtraukia į pasaulio pažinimo pamokas ir laisvą veiklą. Priešmokyklinės grupės vaikams parengėme paveikslėlių korteles, kurioms nereikia mokėti skaityti.",
			"Per metus dėžes naudojo devynios klasės ir dvi priešmokyklinės grupės. Vaikai išmoko spėti, stebėti, lyginti ir pasakoti, ką pamatė, o mokytojos gavo patogų, nuolat papildomą priemonių rinkinį.",
		),
		Goals: paragraphs(
			"Tikslas – sudaryti sąlygas jauniausiems mokiniams tyrinėti patiems ir kasdien, o ne tik per retas eksperimentų pamokas.",
			"Uždaviniai: sukurti tris temines dėžes su užduočių kortelėmis trims sunkumo lygiams; išmokyti vaikus paprastų tyrinėjimo žingsnių – spėk, išbandyk, pažiūrėk, papasakok; ugdyti gebėjimą dirbti poroje ir dalytis priemonėmis; pasiekimus fiksuoti vaikų tyrinėjimo dienoraščiuose.",
			"Siekėme ir to, kad tėvai sužinotų, ką vaikai tyrinėja mokykloje, ir galėtų panašias veiklas pakartoti namuose.",
		),
		Activities: paragraphs(
			"Dėžėje „Vanduo“ vaikai tikrina, kas skęsta ir kas plūduriuoja, tirpina cukrų, druską ir smėlį, stebi, kaip vanduo keliauja popieriumi, ir matuoja, kiek vandens „išgeria“ kempinė. Kiekvienos veiklos pradžioje vaikai nupiešia arba užrašo spėjimą.",
			"Dėžėje „Šviesa ir šešėliai“ yra žibintuvėlis, permatomi ir nepermatomi daiktai, veidrodėliai ir figūrėlės. Vaikai kuria šešėlių teatrą, aiškinasi, kodėl šešėlis didėja, kai daiktą priartiname prie šviesos, ir ieško, kurie daiktai praleidžia šviesą.",
			"Dėžėje „Augalai auga“ vaikai sėja pupeles ir rėžiukus skirtingomis sąlygomis: šviesoje ir tamsoje, su vandeniu ir be jo, šiltai ir vėsiai. Dvi savaites jie kas dieną matuoja daigus popierine liniuote ir klijuoja matavimus į bendrą klasės plakatą.",
			"Kiekvieno dviejų savaičių ciklo pabaigoje klasė surengia „tyrėjų popietę“: vaikai parodo draugams ir tėvams, ką išsiaiškino, o mokytoja kartu su jais aptaria, kokių klausimų dar kilo.",
		),
		Methods: paragraphs(
			"Taikėme žaidybinį ir tyrinėjimu grįstą mokymąsi. Užduočių kortelės parengtos trimis lygiais: paveikslėlių kortelės priešmokyklinukams ir pirmokams, trumpi sakiniai antrokams ir trečiokams, o ketvirtokams – kortelės su lentele matavimams.",
			"Priemonės sudėtos į tris plastikines stalčių dėžes: indeliai, pipetės, kempinės, smėlis, druska, žibintuvėliai, veidrodėliai, spalvoto stiklo plokštelės, sėklos, vazonėliai, popierinės liniuotės, lipdukai ir padidinamieji stiklai. Vienos dėžės priemonės kainavo maždaug 60 eurų.",
			"Vaikų pažangą fiksavome tyrinėjimo dienoraščiuose: jauniausi piešė, vyresni rašė ir braižė paprastas lenteles. Dienoraščius peržiūrėdavome kas savaitę ir rašydavome trumpą pagiriamąjį ar klausiamąjį komentarą.",
		),
		Results: paragraphs(
			"Mokytojos pastebėjo, kad vaikai vis dažniau patys pasiūlo, kaip patikrinti spėjimą, ir nebebijo suklysti. Ketvirtokų dienoraščiuose matyti, kaip nuo paprasto piešinio jie pereina prie lentelių ir išvadų.",
			"Mokslo metų pabaigoje atlikome trumpą pokalbį su vaikais. 86 % ketvirtokų mokėjo paaiškinti, kodėl tyrime reikia keisti tik vieną sąlygą, o dauguma priešmokyklinukų galėjo papasakoti savo spėjimą ir tai, ką pamatė.",
			"Tėvų apklausoje daugiau nei pusė atsakiusiųjų nurodė, kad vaikai namuose kartojo dėžių bandymus, dažniausiai su šešėliais ir daigais.",
		),
		Recommendations: paragraphs(
			"Pradėkite nuo vienos dėžės ir patobulinkite ją pagal vaikų ir kolegų pastabas. Antrą ir trečią dėžę sukurti bus daug lengviau.",
			"Kortelėse rašykite trumpai ir būtinai pridėkite paveikslėlį. Vaikai, kurie dar neskaito, turi galėti dirbti savarankiškai.",
			"Skirkite laiko aptarimui. Vaikų pasakojimas apie tai, ką jie išsiaiškino, ugdo kalbą ir mąstymą ne mažiau nei pats bandymas.",
			"Susitarkite dėl dėžių priežiūros: viena mokytoja kas mėnesį patikrina, ar netrūksta priemonių, ir papildo jas.",
		),
		References: paragraphs(
			"Harlen, W., Qualter, A. (2018). The Teaching of Science in Primary Schools. 7-asis leid. Londonas: Routledge.",
			"Louv, R. (2005). Last Child in the Woods: Saving Our Children from Nature-Deficit Disorder. Čapel Hilas: Algonquin Books.",
			"Švietimo, mokslo ir sporto ministerija (2022). Pradinio, pagrindinio ir vidurinio ugdymo bendrosios programos. Vilnius.",
		),
		Licence: "CC BY-NC 4.0",
		Status:  data.CasePublished,
	}
}

func casePopularScienceText() practiceCase {
	return practiceCase{
		ID:    "sample-case-08",
		Title: "Mokslo populiarinimo tekstas: integruotos lietuvių kalbos ir biologijos pamokos",
		Authors: []data.Author{
			{Name: "Kristina Jūrėnienė", School: "Telšių Ežerėlio progimnazija", Role: "Lietuvių kalbos ir literatūros mokytoja metodininkė"},
			{Name: "Paulius Gervė", School: "Telšių Ežerėlio progimnazija", Role: "Biologijos mokytojas"},
		},
		Subject:  "Lietuvių kalba ir literatūra",
		Levels:   []data.EducationLevel{data.LevelBasic},
		Grades:   "7–8 kl.",
		Keywords: []string{"integruotas ugdymas", "rašymas", "mokslo populiarinimas", "teksto struktūra", "biologija", "kalbos kultūra"},
		Summary: paragraphs(
			"Aštuntokai rašė mokslo populiarinimo straipsnius apie gyvūnus ir augalus, kuriuos patys stebėjo per biologijos pamokas. Lietuvių kalbos pamokose jie mokėsi, kaip sudominti skaitytoją, aiškiai paaiškinti sudėtingą dalyką ir taisyklingai vartoti terminus.",
			"Integruotą ciklą sudarė šešios pamokos: trys lietuvių kalbos, dvi biologijos ir viena bendra, kurioje mokiniai redagavo vieni kitų tekstus. Geriausi straipsniai buvo išspausdinti mokyklos laikraštyje ir perskaityti per radijo valandėlę.",
			"Apraše pateikiame pamokų seką, straipsnio planavimo lapą ir vertinimo kriterijus, dėl kurių susitarė abiejų dalykų mokytojai.",
		),
		Goals: paragraphs(
			"Tikslas – kad mokiniai suprastų, jog aiškiai rašyti apie mokslą yra atskiras gebėjimas, kurio reikia ir mokslininkui, ir žurnalistui, ir kiekvienam piliečiui.",
			"Uždaviniai: išanalizuoti bent du mokslo populiarinimo tekstus ir nustatyti jų struktūrą; parengti straipsnio planą, kuriame būtų įtraukianti pradžia, aiškinimas ir išvada; tiksliai vartoti biologijos terminus ir paaiškinti juos skaitytojui; redaguoti savo ir draugo tekstą pagal sutartus kriterijus.",
			"Biologijos požiūriu siekėme, kad mokiniai giliau suprastų pasirinktą organizmą: jo gyvenimo ciklą, prisitaikymą prie aplinkos ir ryšius ekosistemoje.",
		),
		Activities: paragraphs(
			"Pirmoje lietuvių kalbos pamokoje mokiniai skaitė du trumpus mokslo populiarinimo straipsnius ir spalvotais žymekliais žymėjo, kur autorius kelia klausimą, kur aiškina, kur pateikia pavyzdį. Paskui kartu sudarėme tokio teksto „skeletą“.",
			"Biologijos pamokose mokiniai stebėjo pasirinktą organizmą – tai galėjo būti kambarinis augalas, skruzdėlės, vandens blusos akvariume ar paukščiai prie lesyklos – ir rinko faktus iš patikimų šaltinių. Biologijos mokytojas padėjo atskirti patikimus šaltinius nuo nepatikimų ir patikslinti terminus.",
			"Antroje ir trečioje lietuvių kalbos pamokose mokiniai rašė straipsnio juodraštį, o bendroje pamokoje porose redagavo vieni kitų tekstus pagal kriterijų lentelę. Abu mokytojai vaikščiojo tarp porų: vienas padėjo dėl kalbos, kitas – dėl turinio tikslumo.",
		),
		Methods: paragraphs(
			"Taikėme integruotą mokymą, procesinį rašymą ir tarpusavio vertinimą. Rašymo procesas buvo suskaidytas į aiškius žingsnius: planavimas, juodraštis, redagavimas, galutinis variantas.",
			"Priemonės: du pavyzdiniai straipsniai, straipsnio planavimo lapas, kriterijų lentelė, biologijos kabineto mikroskopai, akvariumas ir lesykla, kompiuteriai galutiniam tekstui parengti.",
			"Kad mokiniai lengviau rašytų apie sudėtingus reiškinius, naudojome „paaiškink močiutei“ užduotį: mokinys turėjo žodžiu paaiškinti reiškinį draugui taip, kad suprastų žmogus, nesimokęs biologijos.",
		),
		Results: paragraphs(
			"Visi 52 mokiniai parašė straipsnius, o 14 geriausių buvo išspausdinti mokyklos laikraštyje. Mokytojai pastebėjo, kad mokiniai daug tiksliau vartoja terminus ir rečiau perrašinėja sakinius iš interneto.",
			"Straipsnius vertino abu mokytojai pagal bendrus kriterijus: turinio tikslumas, teksto struktūra, kalbos taisyklingumas ir tai, kiek tekstas įdomus skaitytojui. Kiekvienas mokinys gavo vieną įvertinimą lietuvių kalbos ir vieną biologijos dalyke.",
			"Mokinių refleksijose dažniausiai kartojosi mintis, kad rašyti apie tai, ką pats stebėjai, daug lengviau nei apie tai, ką perskaitei.",
		),
		Recommendations: paragraphs(
			"Integruotą ciklą planuokite kartu nuo pat pradžių ir susitarkite dėl bendrų vertinimo kriterijų. Jei kiekvienas mokytojas vertins savaip, mokiniai gaus prieštaringų signalų.",
			"Pavyzdinius tekstus rinkitės trumpus ir šiuolaikiškus. Geriausiai tiko straipsniai iš mokslo populiarinimo žurnalų jaunimui.",
			"Neskubėkite su redagavimu. Tarpusavio vertinimas reikalauja aiškių kriterijų ir pavyzdžių, kaip parašyti naudingą, o ne tik malonų komentarą.",
		),
		References: paragraphs(
			"Graham, S., Perin, D. (2007). Writing Next: Effective Strategies to Improve Writing of Adolescents in Middle and High Schools. Vašingtonas: Alliance for Excellent Education.",
			"Black, P., Wiliam, D. (1998). Inside the Black Box: Raising Standards Through Classroom Assessment. Phi Delta Kappan, 80(2), 139–148.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2025). Integruotos pamokos: gamtos mokslai ir kalbos. Metodinis leidinys. Vilnius.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseApproved,
	}
}

func caseWaterQuality() practiceCase {
	return practiceCase{
		ID:    "sample-case-09",
		Title: "Vandens kokybės tyrimas profesinio mokymo centre",
		Authors: []data.Author{
			{Name: "Arūnas Bitėnas", School: "Zarasų ežerų krašto profesinio mokymo centras", Role: "Bendrojo ugdymo chemijos mokytojas"},
			{Name: "Daiva Gečienė", School: "Zarasų ežerų krašto profesinio mokymo centras", Role: "Profesijos mokytoja (virėjo programa)"},
		},
		Subject:  "Chemija",
		Levels:   []data.EducationLevel{data.LevelVocational, data.LevelSecondary},
		Grades:   "1–2 kursas",
		Keywords: []string{"vandens kokybė", "cheminė analizė", "profesinis mokymas", "maisto sauga", "tiriamasis darbas"},
		Summary: paragraphs(
			"Būsimieji virėjai ir konditeriai chemijos pamokose tyrė vandenį, kurį kasdien naudoja mokomosiose virtuvėse: vandentiekio, šulinio ir ežero vandens mėginius. Jie matavo pH, kietumą, nitratų ir geležies kiekį ir aiškinosi, kaip šie rodikliai veikia maisto skonį, virtuvės įrangą ir sveikatą.",
			"Tyrimas sujungė bendrojo ugdymo chemiją su profesijos mokymu: profesijos mokytoja parodė, kaip vandens kietumas veikia kavos aparatą ir tešlą, o mokiniai rezultatus pritaikė rengdami virtuvės įrangos priežiūros instrukciją.",
			"Aprašas skirtas profesinio mokymo įstaigų chemijos ir profesijos mokytojams, ieškantiems būdų, kaip bendrojo ugdymo dalyką susieti su būsima mokinių profesija.",
		),
		Goals: paragraphs(
			"Tikslas – parodyti mokiniams, kad chemija yra jų profesijos dalis, ir išmokyti juos atlikti paprastą vandens kokybės analizę.",
			"Uždaviniai: tinkamai paimti ir paženklinti vandens mėginius; nustatyti pH, bendrąjį kietumą, nitratų ir geležies koncentraciją testų rinkiniais; palyginti rezultatus su geriamojo vandens reikalavimais; paaiškinti, kaip kiekvienas rodiklis veikia maisto ruošimą ir įrangą.",
			"Kartu siekėme ugdyti atsakomybę už maisto saugą ir gebėjimą suprantamai paaiškinti tyrimo rezultatus kolegoms ir klientams.",
		),
		Activities: paragraphs(
			"Pirmoje pamokoje mokiniai aptarė, iš kur atkeliauja vanduo į mokomąsias virtuves, ir suplanavo mėginių ėmimą. Kiekviena grupė gavo mėginių ėmimo instrukciją ir etikečių lapą.",
			"Antroje ir trečioje pamokose grupės tyrė mėginius testų rinkiniais, rezultatus rašė į bendrą lentelę ir lygino juos su norminiais dydžiais. Didžiausią nuostabą sukėlė šulinio vanduo: jo kietumas ir geležies kiekis buvo kelis kartus didesni nei vandentiekio.",
			"Ketvirtoje pamokoje, kuri vyko mokomojoje virtuvėje, profesijos mokytoja parodė kalkių nuosėdas virdulyje ir kavos aparate, o mokiniai išbandė, kaip vandens kietumas veikia arbatos skonį ir tešlos kildinimą. Baigdami grupės parengė virtuvės įrangos valymo nuo kalkių instrukciją.",
		),
		Methods: paragraphs(
			"Taikėme tiriamąjį darbą ir integruotas pamokas su profesijos mokytoja. Teoriją pateikėme tik tiek, kiek jos reikėjo rezultatams suprasti.",
			"Priemonės: vandens kokybės testų rinkiniai (pH, kietumas, nitratai, geležis), sterilūs mėginių indai, pH matuoklis, pirštinės, mokomoji virtuvė su virduliu ir kavos aparatu.",
			"Vertinimui naudojome kontrolinį klausimyną apie darbą su mėginiais, grupės ataskaitą ir parengtą instrukciją. Instrukciją vertino ir profesijos mokytoja pagal tai, ar ji tinka realiam darbui virtuvėje.",
		),
		Results: paragraphs(
			"Visos grupės teisingai atliko matavimus ir jų rezultatai sutapo su mokyklos laboratorijos pH matuoklio rodmenimis. Mokiniai teisingai nurodė, kurie mėginiai atitinka geriamojo vandens reikalavimus.",
			"Mokinių parengta instrukcija dabar kabo mokomosiose virtuvėse, o kavos aparatas pradėtas valyti nuo kalkių dažniau. Mokiniai apklausoje nurodė, kad tokios pamokos padeda suprasti, kodėl bendrojo ugdymo dalykų reikia profesijai.",
			"Chemijos įskaitoje vandens kietumo temos uždavinius teisingai išsprendė 82 % mokinių; ankstesniais metais šis rodiklis buvo gerokai žemesnis.",
		),
		Recommendations: paragraphs(
			"Rinkitės mokiniams artimus mėginius: vandenį iš jų namų, mokomosios virtuvės ar netoliese esančio ežero. Tai labai padidina susidomėjimą.",
			"Bent vieną pamoką organizuokite kartu su profesijos mokytoju. Mokiniams svarbu pamatyti, kad chemijos žinios tiesiogiai susijusios su jų būsimu darbu.",
			"Prieš tyrimą aptarkite saugos ir higienos reikalavimus: mėginiai negali būti ragaujami, o testų rinkinių reagentai laikomi atskirai nuo maisto produktų.",
		),
		References: paragraphs(
			"Lietuvos Respublikos sveikatos apsaugos ministerija (2017). Lietuvos higienos norma HN 24:2017 „Geriamojo vandens saugos ir kokybės reikalavimai“. Vilnius.",
			"Holbrook, J., Rannikmäe, M. (2007). The nature of science education for enhancing scientific literacy. International Journal of Science Education, 29(11), 1347–1362.",
			"Lietuvos gamtos ir tiksliųjų mokslų mokytojų asociacija (2026). Chemija profesinio mokymo įstaigose: praktinių darbų rinkinys. Utena.",
		),
		Licence: "CC BY 4.0",
		Status:  data.CaseSubmitted,
	}
}
