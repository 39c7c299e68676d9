"""Speaker attribution on invented sentences covering each reporting form."""
from newskit.quotes import Attributor, TextView


def said(text, people=None, companies=None):
    a = Attributor().attribute(text, people, companies)
    return a, [(u.speaker, a.view.text[u.start:u.end], u.kind) for u in a.utterances]


def test_title_introduction_gives_name_and_organization():
    a, utts = said("星云智算董事长郑怀远表示,行业大模型更适合中小企业。")
    assert a.people["郑怀远"]["organization"] == "星云智算"
    assert utts == [("郑怀远", "行业大模型更适合中小企业。", "indirect")]


def test_quote_after_speaker_and_gap_before_verb():
    _, utts = said("蓝海科技CEO林若琪曾向本报记者指出:“我们更看好行业大模型。”")
    assert utts == [("林若琪", "“我们更看好行业大模型。”", "quote")]


def test_quote_before_speaker():
    _, utts = said("“通用大模型才是未来。”远望资本合伙人许文博说。")
    assert ("许文博", "“通用大模型才是未来。”", "quote") in utts


def test_unknown_name_before_strong_verb():
    _, utts = said("周鸿祎谈到,「现在创业者应该做什么?做垂直大模型。」")
    assert utts[0][0] == "周鸿祎" and "垂直大模型" in utts[0][1]


def test_known_people_from_entities_are_speakers():
    a, utts = said("欧阳青云直言,小模型才是出路。", people=[{"name": "欧阳青云", "organization": "某某科技", "role": "CEO"}])
    assert utts[0][:2] == ("欧阳青云", "小模型才是出路。")
    assert a.people["欧阳青云"]["organization"] == "某某科技"


def test_pronoun_and_bare_quote_paragraph_continue_the_speaker():
    text = ("北辰数据总裁钱立民表示,通用大模型会越来越集中。\n"
            "他认为,创业公司应该做行业模型。\n"
            "“我认为机会在细分领域。”\n"
            "另一位嘉宾则没有发言。")
    _, utts = said(text)
    assert [u[0] for u in utts] == ["钱立民", "钱立民", "钱立民"]
    assert utts[2] == ("钱立民", "“我认为机会在细分领域。”", "continuation")


def test_pronoun_without_a_speaker_nearby_is_not_attributed():
    _, utts = said("市场风云变幻。\n他认为,行业模型更好。")
    assert utts == []


def test_headline_colon_style():
    text = "大模型往何处去?李明远:通用大模型只会剩下三五家\n启明科技CEO李明远认为,竞争会很激烈。"
    _, utts = said(text)
    assert ("李明远", "通用大模型只会剩下三五家", "headline") in utts


def test_common_words_are_not_names():
    _, utts = said("简单来说,行业大模型更适合。高管表示,这很难。")
    assert utts == []


def test_organization_is_the_known_company_inside_the_stretch():
    a, _ = said("引得云帆集团搜索平台负责人李四开怼。", companies=[{"name": "云帆", "aliases": ["云帆集团"]}])
    assert a.people["李四"]["organization"] == "云帆"


def test_reading_glosses_are_ignored_and_offsets_map_back():
    text = "星云智算创(chuàng)始人郑怀远表示,行业大模型更适合落地。"
    a, utts = said(text)
    assert utts and utts[0][0] == "郑怀远"
    u = a.utterances[0]
    view = TextView(text)
    assert text[view.source(u.start):view.source_end(u.end)] == "行业大模型更适合落地。"


def test_personal_titles_introduce_people_with_no_organization():
    a, _ = said("科技博主唐一鸣在视频中表示,这款手机不值这个价。")
    assert a.people["唐一鸣"] == {"organization": None, "role": "博主"}


def test_name_stops_before_adverbs_and_verbs_it_is_glued_to():
    a, _ = said("云帆副总裁黎川随即发文反驳。星河CEO张三转发了该文章。")
    assert {"黎川", "张三"} <= set(a.people) and not {"黎川随", "张三转"} & set(a.people)


def _spoken(text, people=(), companies=({"name": "星海科技", "aliases": []},)):
    a = Attributor().attribute(text, list(people), list(companies))
    return {a.view.text[u.start:u.end]: u.speaker for u in a.utterances}, a.people


def test_quote_named_by_a_back_reference_in_the_next_sentence():
    spoken, _ = _spoken("“行业模型才是出路。”在上周的发布会上,星海科技董事长兼首席执行官刘志远抛出了这个判断。")
    assert spoken.get("“行业模型才是出路。”") == "刘志远"


def test_a_quote_with_no_back_reference_after_it_stays_unattributed():
    spoken, _ = _spoken("“行业模型才是出路。”在上周的发布会上,星海科技董事长刘志远宣布了新产品。")
    assert "“行业模型才是出路。”" not in spoken


def test_a_colon_after_a_short_predicate_introduces_the_speakers_words():
    spoken, _ = _spoken("星海科技创始人刘志远举了一个例子:医院不会把数据交出去。")
    assert spoken.get("医院不会把数据交出去。") == "刘志远"


def test_paraphrase_frames_with_a_pronoun():
    spoken, _ = _spoken("星海科技创始人刘志远则不这么看。在他眼里,通用模型才是出路。其观点是,规模决定上限。")
    assert spoken.get("通用模型才是出路。") == "刘志远"
    assert spoken.get("规模决定上限。") == "刘志远"


def test_new_names_found_after_an_adverbial_or_an_organization_with_de():
    spoken, people = _spoken("星海科技的刘志远表示,行业模型才是出路。王海峰进一步解释称,数据更重要。")
    assert spoken.get("行业模型才是出路。") == "刘志远" and people["刘志远"]["organization"] == "星海科技"
    assert spoken.get("数据更重要。") == "王海峰"


def test_organization_in_parentheses_or_in_an_appositive():
    _, people = _spoken("刘志远(星海科技创始人)表示,行业模型才是出路。王海峰是云帆智能的首席技术官。他认为数据更重要。")
    assert people["刘志远"]["organization"] == "星海科技" and people["刘志远"]["role"] == "创始人"
    assert people["王海峰"]["organization"] == "云帆智能"


def test_set_phrases_before_shuo_are_not_names():
    _, people = _spoken("严格来说,这不是新问题。总体来说,行业模型更好。长远来说,数据更重要。")
    assert not people


def test_full_width_punctuation_separates_speech_verb_and_words():
    # Articles keep full-width ，：；！？ (normalization leaves punctuation as written).
    text = "星海科技创始人刘志远表示\uff0c行业模型才是出路\uff1b通用模型太贵。王海峰(云帆智能首席技术官)举例称\uff1a数据更重要。"
    spoken, people = _spoken(text)
    assert spoken.get("行业模型才是出路\uff1b") == "刘志远"
    assert spoken.get("数据更重要。") == "王海峰"


def test_a_name_seen_only_inside_a_longer_name_is_dropped():
    _, people = _spoken("面壁智能联合创始人乔牧之表示,团队欢迎二次开发。乔牧之称,不能换个名字。")
    assert "乔牧之" in people and "乔牧" not in people


def test_a_quoted_term_opening_reported_speech_is_not_the_quote():
    _, utts = said("星云智算董事长郑怀远认为,“专科模型”的优势正在缩小,客户更看重交付。")
    assert ("郑怀远", "“专科模型”的优势正在缩小,客户更看重交付。", "indirect") in utts


def test_a_short_quote_that_ends_the_words_stays_a_quote():
    _, utts = said("星云智算董事长郑怀远表示:“够用就好”。")
    assert ("郑怀远", "“够用就好”", "quote") in utts
