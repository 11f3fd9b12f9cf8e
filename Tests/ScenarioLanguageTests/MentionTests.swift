import Testing
import OmniSim
@testable import ScenarioLanguage

@Suite("Mentions: @name in a message's text (contract v2)")
struct MentionTests {
    @Test("'@' at the start or after a character that is no name character, then the longest name run less trailing '.' or '-'")
    func scanning() {
        #expect(Mentions.names(in: "@bob please look") == ["bob"])
        #expect(Mentions.names(in: "thanks @bob.") == ["bob"])
        #expect(Mentions.names(in: "ok @bob-") == ["bob"])
        #expect(Mentions.names(in: "(@bob)") == ["bob"])
        #expect(Mentions.names(in: "café@bob") == ["bob"])
        #expect(Mentions.names(in: "@@bob") == ["bob"])
        #expect(Mentions.names(in: "x@bob") == [])
        #expect(Mentions.names(in: "@bob.x") == ["bob.x"], "the run is 'bob.x': plain text unless someone is called that")
        #expect(Mentions.names(in: "@ @- @.") == [])
        #expect(Mentions.names(in: "@a @b @a") == ["a", "b", "a"])
    }

    @Test("lowering keeps a user's mentions of users, in order; a customer's @name and unknown names are plain text")
    func lowering() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "m.scenario", text: """
            user alice bob dan
            customer carol
            at 0s alice starts conversation c with bob "@dan and @carol and @ghost and @bob.x, @dan"
            at 1s carol starts customer conversation d with alice "@bob"
            """))
        #expect(compiled.plan.events[0].mentions == [.person(PersonID(2)), .person(PersonID(2))])
        #expect(compiled.plan.events[1].mentions.isEmpty)
    }

    @Test("a mention of a team is kept as the team, to stand for its members at posting")
    func teamMention() throws {
        let compiled = try ScenarioCompiler.compile(SourceFile(path: "m.scenario", text: """
            user alice bob dan
            team support bob, dan
            at 0s alice starts conversation c with bob "(@support) please, and @bob"
            """))
        #expect(compiled.plan.events[0].mentions == [.team(TeamID(0)), .person(PersonID(1))])
    }
}
