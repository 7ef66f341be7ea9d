//! Summaries on the seed corpus and on small fixtures.

mod common;

use common::{corpus, ndjson, report, stdout};

#[test]
fn quotes_are_attributed_to_their_speakers() {
    let r = report();
    let quotes = r["quotes"].as_array().unwrap();
    let speaker = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .map(|q| q["speakers"].clone())
            .unwrap()
    };
    assert_eq!(
        speaker("allow us to find common ground"),
        serde_json::json!(["Sergei Shoigu"])
    );
    assert_eq!(
        speaker("Tupolev Tu-22 flights from Iran"),
        serde_json::json!(["Komoedov"])
    );
    assert_eq!(speaker("It is just too poisonous"), serde_json::json!([]));
    let doc0 = &r["documents"][0]["quotes"][0];
    assert_eq!(doc0["speaker"], "Sergei Shoigu");
    assert_eq!(doc0["sentence"], 9);
}

#[test]
fn summaries_are_exact_body_sentences_with_provenance() {
    let sentences = ndjson(&stdout(&["sentences", corpus().to_str().unwrap()]));
    let lookup = |doc: &str, i: u64| {
        sentences
            .iter()
            .find(|s| s["doc"] == doc && s["index"] == i)
            .unwrap()
    };
    let r = report();
    for s in r["summary"].as_array().unwrap() {
        let seg = lookup(s["doc"].as_str().unwrap(), s["sentence"].as_u64().unwrap());
        assert_eq!(seg["text"], s["text"]);
        assert_eq!(seg["kind"], "sentence");
    }
    assert_eq!(r["summary"].as_array().unwrap().len(), 5);
    for d in r["documents"].as_array().unwrap() {
        let picked = d["summary"].as_array().unwrap();
        assert_eq!(picked.len(), 3);
        let idx: Vec<u64> = picked
            .iter()
            .map(|s| s["sentence"].as_u64().unwrap())
            .collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "document order");
        for s in picked {
            let seg = lookup(d["id"].as_str().unwrap(), s["sentence"].as_u64().unwrap());
            assert_eq!(
                (&seg["text"], &seg["kind"]),
                (&s["text"], &serde_json::json!("sentence"))
            );
        }
    }
}

#[test]
fn timeline_and_dates_are_normalised() {
    let r = report();
    let t = r["timeline"].as_array().unwrap();
    let sept = t
        .iter()
        .find(|e| e["date"] == "2015-09-30")
        .expect("30 September 2015");
    assert_eq!(sept["doc"], "002_6f866aa34b252ad8.txt");
    assert_eq!(
        sept["text"],
        "The Russian military operation in Syria was launched on 30 September 2015."
    );
    let dates: Vec<&str> = t.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert_eq!(dates.first(), Some(&"1979"));
    let d3 = &r["documents"][3]["dates"];
    assert!(
        d3.as_array()
            .unwrap()
            .iter()
            .any(|d| d["text"] == "Aug. 16" && d["normalized"] == "--08-16")
    );
}

#[test]
fn shared_passages_exact_and_near() {
    let r = report();
    let p = r["shared_passages"].as_array().unwrap();
    assert_eq!(p.len(), 2);
    assert_eq!(p[0]["kind"], "exact");
    assert_eq!(
        p[0]["documents"],
        serde_json::json!(["001_40c545358694a86b.txt", "002_6f866aa34b252ad8.txt"])
    );
    assert_eq!(
        p[0]["locations"],
        serde_json::json!([{"doc": "001_40c545358694a86b.txt", "sentence": 10}, {"doc": "002_6f866aa34b252ad8.txt", "sentence": 9}])
    );
    assert_eq!(p[1]["kind"], "near");
    assert_eq!(
        p[1]["documents"],
        serde_json::json!(["001_40c545358694a86b.txt", "004_869d48817576a6cb.txt"])
    );
    assert!(p[1]["similarity"].as_f64().unwrap() < 1.0);
}

#[test]
fn keyterms_are_content_words_and_phrases() {
    let r = report();
    let terms: Vec<&str> = r["documents"][0]["keyterms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"air bases"), "{terms:?}");
    for t in &terms {
        assert!(
            !t.chars().any(|c| c.is_ascii_digit()) && !["the", "said", "and"].contains(t),
            "{t}"
        );
    }
}

#[test]
fn byte_identical_files_are_duplicates_and_boilerplate_is_not_a_passage() {
    let dir = tempfile::tempdir().unwrap();
    let a = "Title of it\n\nShare\n\nThe council voted to close the old bridge over the river on Monday. Residents were angry about the decision.\n\nAdvertisement\n";
    let b = "Another story\n\nShare\n\nFarmers said the dry weather had cut this year's wheat harvest by a third. Prices rose in the markets.\n\nAdvertisement\n";
    std::fs::write(dir.path().join("a.txt"), a).unwrap();
    std::fs::write(dir.path().join("b.txt"), a).unwrap();
    std::fs::write(dir.path().join("c.txt"), b).unwrap();
    let r: serde_json::Value =
        serde_json::from_str(&stdout(&[dir.path().to_str().unwrap(), "-f", "json"])).unwrap();
    assert_eq!(
        r["duplicates"],
        serde_json::json!([{"documents": ["a.txt", "b.txt"], "similarity": 1.0, "kind": "exact"}])
    );
    for p in r["shared_passages"].as_array().unwrap() {
        assert_ne!(p["text"], "Advertisement");
        assert_eq!(p["documents"], serde_json::json!(["a.txt", "b.txt"]));
    }
    for d in r["documents"].as_array().unwrap() {
        for s in d["summary"].as_array().unwrap() {
            assert!(!["Share", "Advertisement"].contains(&s["text"].as_str().unwrap()));
        }
    }
}

#[test]
fn a_set_with_exact_copies_and_a_near_copy_is_near_and_exact_copies_alone_are_exact() {
    use corpus_scan::corpus::{Corpus, Options};
    let shared =
        "The defence ministry said the bombers had returned to their home bases in the south.";
    let changed =
        "The defence ministry said the bombers had returned to their home bases in the north.";
    let exact =
        "Officials in the capital declined to say how many aircraft had taken part in the raids.";
    let docs = [
        ("a.txt", format!("Bombers return\n\n{shared} {exact}\n")),
        (
            "b.txt",
            format!("Raids end\n\nPrices of bread rose again. {shared}\n"),
        ),
        (
            "c.txt",
            format!("Ministry statement\n\n{changed} {exact}\n"),
        ),
    ];
    // On disk, as the binary does it, and in memory.
    for mut corpus in [
        Corpus::spilling(Options::default()).unwrap(),
        Corpus::new(Options::default()),
    ] {
        for (id, text) in &docs {
            let a = corpus_scan::analyse(id, text.as_bytes()).unwrap();
            corpus.add(id, &a);
        }
        let (report, _) = corpus.finish().unwrap().collect().unwrap();
        let p = &report.shared_passages;
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].kind, "near");
        assert_eq!(p[0].text, shared);
        assert_eq!(p[0].documents, ["a.txt", "b.txt", "c.txt"]);
        assert!(p[0].similarity < 1.0 && p[0].similarity >= 0.6);
        assert_eq!(p[1].kind, "exact");
        assert_eq!(p[1].similarity, 1.0);
        assert_eq!(p[1].text, exact);
        assert_eq!(p[1].documents, ["a.txt", "c.txt"]);
    }
}

#[test]
fn a_quotation_goes_on_and_a_verdict_names_its_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Troops sent to the front\n\n\
        \"It is a win-win for both leaders,\" said Lee Sung-yoon, a fellow at the Wilson \
        Center. \"Mr Kim gets cash and technology; Mr Putin gets bodies.\"\n\n\
        \"Nobody speaks in this paragraph at all.\"\n\n\
        Nato chief Mark Rutte called the deployment \"a significant escalation\".\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let r: serde_json::Value =
        serde_json::from_str(&stdout(&[dir.path().to_str().unwrap(), "-f", "json"])).unwrap();
    let quotes: Vec<(String, serde_json::Value)> = r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap().to_owned(),
                q["speakers"].clone(),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        [
            (
                "It is a win-win for both leaders".to_owned(),
                serde_json::json!(["Lee Sung-yoon"])
            ),
            (
                "Mr Kim gets cash and technology; Mr Putin gets bodies.".to_owned(),
                serde_json::json!(["Lee Sung-yoon"])
            ),
            (
                "Nobody speaks in this paragraph at all.".to_owned(),
                serde_json::json!([])
            ),
            (
                "a significant escalation".to_owned(),
                serde_json::json!(["Mark Rutte"])
            ),
        ]
    );
}

#[test]
fn speakers_behind_roles_appositions_and_a_sentence_subject() {
    let dir = tempfile::tempdir().unwrap();
    let text = "United beaten at home\n\n\
        \"We have to improve a lot,\" head coach Ruben Amorim told reporters.\n\n\
        \"This is a blatant violation of the Constitution,\" Senate Minority Leader Chuck \
        Schumer, D-N.Y., told reporters.\n\n\
        Han Dong-hoon, the leader of the People Power Party, said he would stop it \
        \"together with the people\".\n\n\
        Forest boss Nuno Espirito Santo praised his side. \"The players showed real \
        character,\" he said.\n\n\
        \"This is humanity's crew,\" said Nasa administrator Bill Nelson.\n\n\
        Mr Justice Goose said the man would never be released. He said the crimes were \
        \"extreme and shocking\". Dan Ives of Wedbush Securities said it was a \"drop the \
        mic moment\".\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let r: serde_json::Value =
        serde_json::from_str(&stdout(&[dir.path().to_str().unwrap(), "-f", "json"])).unwrap();
    let speakers: Vec<serde_json::Value> = r["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["speakers"].clone())
        .collect();
    assert_eq!(
        speakers,
        [
            serde_json::json!(["Ruben Amorim"]),
            serde_json::json!(["Chuck Schumer"]),
            serde_json::json!(["Han Dong-hoon"]),
            serde_json::json!(["Nuno Espirito Santo"]),
            serde_json::json!(["Bill Nelson"]),
            serde_json::json!(["Goose"]),
            serde_json::json!(["Dan Ives"]),
        ]
    );
}
